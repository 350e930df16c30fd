using TherapyPlatform.Signals.Series;
using TherapyPlatform.Signals.Tests.Support;

namespace TherapyPlatform.Signals.Tests.Series;

public sealed class MinMaxDownsamplerTests
{
    private const double Rate = TestRecordings.Rate;

    [Fact]
    public void A_window_with_no_more_samples_than_points_is_returned_whole()
    {
        var samples = TestRecordings.Wave(5000, 60, 1);
        var window = new SampleWindow(100, 1500);

        var series = MinMaxDownsampler.Downsample(samples, Rate, window, 2000);

        Assert.False(series.IsDownsampled);
        Assert.Equal(samples[100..1600], series.Values);
        Assert.Equal(Enumerable.Range(100, 1500), series.SampleIndices);
        Assert.Equal(1 / Rate, series.EffectiveIntervalSeconds, 15);
    }

    [Theory]
    [InlineData(173_370, 2000)]
    [InlineData(173_370, 3)] // odd: one bucket, two points
    [InlineData(9_900, 2000)]
    [InlineData(2_001, 2000)]
    public void Downsampled_series_keep_the_window_min_and_max_within_max_points(int length, int maxPoints)
    {
        var samples = TestRecordings.Wave(length, 60, 1);
        samples[length / 3] = 7.5;
        samples[(2 * length) / 3] = -6.25;
        var window = new SampleWindow(0, length);

        var series = MinMaxDownsampler.Downsample(samples, Rate, window, maxPoints);

        Assert.True(series.IsDownsampled);
        Assert.InRange(series.PointCount, 1, maxPoints);
        Assert.Equal((samples.Min(), samples.Max()), series.Range());
        Assert.Contains(length / 3, series.SampleIndices);
        Assert.Contains((2 * length) / 3, series.SampleIndices);
    }

    [Fact]
    public void Every_bucket_gives_its_own_min_and_max_in_time_order_at_their_sample_times()
    {
        var samples = TestRecordings.Wave(10_000, 13, 1);
        var window = new SampleWindow(1234, 8000);

        var series = MinMaxDownsampler.Downsample(samples, Rate, window, 100);

        Assert.Equal(50, series.Buckets);
        for (var bucket = 0; bucket < series.Buckets; bucket++)
        {
            var start = window.First + (bucket * window.Count / series.Buckets);
            var end = window.First + ((bucket + 1) * window.Count / series.Buckets);
            var run = samples[start..end];
            var inBucket = series.SampleIndices.Where(i => i >= start && i < end).ToList();
            Assert.Contains(start + Array.IndexOf(run, run.Min()), inBucket);
            Assert.Contains(start + Array.IndexOf(run, run.Max()), inBucket);
        }

        Assert.True(series.SampleIndices.Zip(series.SampleIndices.Skip(1)).All(p => p.First < p.Second));
        for (var point = 0; point < series.PointCount; point++)
        {
            Assert.Equal(samples[series.SampleIndices[point]], series.Values[point]);
            Assert.Equal(series.SampleIndices[point] / Rate, series.TimeOf(point));
        }
    }

    [Fact]
    public void The_time_axis_and_duration_come_from_samples_and_rate_not_from_points()
    {
        var samples = TestRecordings.Wave(173_370, 60, 1);

        var series = MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(0, samples.Length), 2000);

        Assert.Equal(173_370 / Rate, series.DurationSeconds, 12);
        Assert.Equal(series.SampleIndices[^1] / Rate, series.TimeOf(series.PointCount - 1));
        var bucketSeconds = 173_370 / Rate / series.Buckets;
        Assert.InRange(series.TimeOf(series.PointCount - 1), series.DurationSeconds - bucketSeconds, series.DurationSeconds);
        Assert.Equal(173_370 / Rate / series.PointCount, series.EffectiveIntervalSeconds, 12);
    }

    [Fact]
    public void A_flat_bucket_gives_one_point()
    {
        var samples = new double[400];

        var series = MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(0, 400), 20);

        Assert.Equal(10, series.PointCount);
        Assert.Equal((0.0, 0.0), series.Range());
    }

    [Fact]
    public void NaN_never_hides_a_number_as_min_or_max()
    {
        var samples = new double[100];
        Array.Fill(samples, double.NaN);
        samples[10] = -2;
        samples[60] = 3;

        var series = MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(0, 100), 2);

        Assert.Equal([10, 60], series.SampleIndices);
        Assert.Equal((-2.0, 3.0), series.Range());
    }

    [Fact]
    public void Infinite_samples_are_extremes_like_any_other_and_a_bucket_of_NaN_gives_one_point()
    {
        double[] samples = [double.NaN, double.NaN, double.NaN, double.NaN, double.PositiveInfinity, 1, double.NegativeInfinity, 2];

        var series = MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(0, 8), 4);

        Assert.Equal([0, 4, 6], series.SampleIndices);
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), series.Range());
    }

    [Fact]
    public void Fewer_than_two_points_or_a_window_past_the_samples_is_a_programming_error()
    {
        var samples = new double[10];

        Assert.Throws<ArgumentOutOfRangeException>(() => MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(0, 10), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => MinMaxDownsampler.Downsample(samples, Rate, new SampleWindow(5, 10), 4));
    }
}
