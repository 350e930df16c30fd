using TherapyPlatform.Contracts.Caching;
using TherapyPlatform.Signals.Channels;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Sessions.Metadata;

namespace TherapyPlatform.Signals.Tests.Channels;

public sealed class ChannelResolverTests
{
    private static readonly SessionMetadata Ghostly = SessionMetadataBuilder.Build(
        Guid.NewGuid(), "hash", 1, 990, 19_800, ["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"]);

    [Theory]
    [InlineData("CH1 Raw", null, "CH1 Raw", "raw")]
    [InlineData("ch1 raw", null, "CH1 Raw", "raw")]
    [InlineData("  CH2 ACTIVATED ", null, "CH2 activated", "activated")]
    [InlineData("CH1%20Raw", null, "CH1 Raw", "raw")]
    [InlineData("CH1+Raw", null, "CH1 Raw", "raw")]
    [InlineData("CH1 Raw", "envelope", "CH1 Raw", "envelope")]
    [InlineData("ch2", null, "CH2 Raw", "raw")]
    [InlineData("Ch2", "activated", "CH2 activated", "activated")]
    [InlineData("CH1", "envelope", "CH1 Raw", "envelope")]
    public void Labels_and_muscles_are_found_case_insensitively_and_url_encoded(string requested, string? kind, string source, string resolvedKind)
    {
        Assert.True(ChannelResolver.TryResolve(Ghostly, requested, KindOf(kind), true, out var channel, out var problem), problem?.Detail);

        Assert.Equal(source, channel!.Source.Name);
        Assert.Equal(resolvedKind, channel.Kind.Name());
    }

    [Theory]
    [InlineData("CH3 Raw", null, 404, "no channel 'CH3 Raw'")]
    [InlineData("CH1 activated", "raw", 400, "is recorded as activated: kind=raw")]
    [InlineData("CH1 activated", "envelope", 400, "kind=envelope is not available")]
    [InlineData("CH1 Raw", "activated", 400, "kind=activated is not available")]
    public void Unknown_channels_are_404_and_kinds_a_channel_does_not_have_are_400(string requested, string? kind, int status, string reason)
    {
        Assert.False(ChannelResolver.TryResolve(Ghostly, requested, KindOf(kind), true, out _, out var problem));

        Assert.Equal(status, problem!.Status);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_muscle_without_activation_channel_has_no_activated_series()
    {
        var partial = SessionMetadataBuilder.Build(Guid.NewGuid(), "hash", 1, 990, 100, ["CH1 Raw", "CH2 Raw", "CH2 activated"]);

        Assert.False(ChannelResolver.TryResolve(partial, "ch1", SignalKind.Activated, true, out _, out var problem));

        Assert.Equal(404, problem!.Status);
        Assert.Contains("has no activated channel", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_envelope_is_refused_when_the_channel_is_too_short_for_its_filters()
    {
        Assert.False(ChannelResolver.TryResolve(Ghostly, "CH1 Raw", SignalKind.Envelope, false, out _, out var problem));

        Assert.Equal(400, problem!.Status);
        Assert.Contains("too short for the envelope", problem.Detail, StringComparison.Ordinal);
    }

    private static SignalKind? KindOf(string? name) => SignalKinds.TryParse(name, out var kind) ? kind : null;
}
