using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Tests.Series;

public sealed class SampleWindowTests
{
    private const double Rate = 990;
    private const int Total = 19_800; // 20 s

    [Fact]
    public void No_bounds_mean_the_whole_recording()
    {
        Assert.True(SampleWindow.TryResolve(null, null, Rate, Total, out var window, out _));

        Assert.Equal(new SampleWindow(0, Total), window);
        Assert.True(window.Covers(Total));
    }

    [Theory]
    [InlineData(1.0, 2.0, 990, 990)] // exactly on samples: 1.0 * 990 lands on 990 despite rounding
    [InlineData(0.0, 10.0, 0, 9900)]
    [InlineData(0.0005, 0.003, 1, 2)] // samples at 1/990 and 2/990 s; 3/990 s is past 0.003
    [InlineData(19.5, 20.0, 19305, 495)]
    public void Bounds_pick_the_samples_whose_time_lies_in_from_to(double from, double to, int first, int count)
    {
        Assert.True(SampleWindow.TryResolve(from, to, Rate, Total, out var window, out var error), error);

        Assert.Equal(new SampleWindow(first, count), window);
        for (var i = window.First; i < window.End; i++)
        {
            Assert.InRange(i / Rate, from - 1e-12, to);
        }
    }

    [Fact]
    public void A_window_past_the_end_is_cut_at_the_end()
    {
        Assert.True(SampleWindow.TryResolve(15, 99, Rate, Total, out var window, out _));

        Assert.Equal(Total, window.End);
        Assert.Equal(14_850, window.First);
    }

    [Theory]
    [InlineData(-1.0, null, "at least 0")]
    [InlineData(20.0, null, "at or after the end")]
    [InlineData(25.0, 30.0, "at or after the end")]
    [InlineData(5.0, 5.0, "later than from")]
    [InlineData(5.0, 4.0, "later than from")]
    [InlineData(0.0001, 0.0002, "holds no sample")]
    public void Bad_windows_are_refused_with_the_reason(double from, double? to, string reason)
    {
        Assert.False(SampleWindow.TryResolve(from, to, Rate, Total, out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_without_samples_has_no_window()
    {
        Assert.False(SampleWindow.TryResolve(null, null, Rate, 0, out _, out var error));

        Assert.Contains("no samples", error, StringComparison.Ordinal);
    }
}
