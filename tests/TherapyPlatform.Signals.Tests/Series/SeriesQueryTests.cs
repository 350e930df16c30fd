using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Series;

namespace TherapyPlatform.Signals.Tests.Series;

public sealed class SeriesQueryTests
{
    private static readonly SeriesLimits Limits = new(2000, 100_000);

    [Fact]
    public void Nothing_given_means_the_channel_own_kind_the_whole_recording_and_the_default_points()
    {
        Assert.True(SeriesQuery.TryParse(null, null, null, null, Limits, out var query, out var errors));

        Assert.Empty(errors);
        Assert.Equal(new SeriesQuery(null, null, null, 2000), query);
    }

    [Fact]
    public void Values_are_read_with_the_invariant_culture_and_kinds_case_insensitively()
    {
        Assert.True(SeriesQuery.TryParse("ENVELOPE", "1.5", "12.25", "500", Limits, out var query, out _));

        Assert.Equal(new SeriesQuery(SignalKind.Envelope, 1.5, 12.25, 500), query);
    }

    [Theory]
    [InlineData("filtered", null, null, null, "kind must be raw, activated or envelope")]
    [InlineData(null, "abc", null, null, "from must be a number of seconds")]
    [InlineData(null, null, "NaN", null, "to must be a number of seconds")]
    [InlineData(null, null, "Infinity", null, "to must be a number of seconds")]
    [InlineData(null, null, null, "1", "maxPoints must be a whole number from 2 to 100000")]
    [InlineData(null, null, null, "100001", "maxPoints must be a whole number")]
    [InlineData(null, null, null, "12.5", "maxPoints must be a whole number")]
    public void Each_bad_parameter_is_named_with_the_reason(string? kind, string? from, string? to, string? maxPoints, string reason)
    {
        Assert.False(SeriesQuery.TryParse(kind, from, to, maxPoints, Limits, out _, out var errors));

        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_parameter_is_reported_at_once()
    {
        Assert.False(SeriesQuery.TryParse("x", "y", "z", "0", Limits, out _, out var errors));

        Assert.Equal(4, errors.Count);
    }
}
