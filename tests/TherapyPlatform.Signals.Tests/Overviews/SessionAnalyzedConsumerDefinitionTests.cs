using MassTransit;
using Microsoft.Extensions.Options;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Overviews;

namespace TherapyPlatform.Signals.Tests.Overviews;

public sealed class SessionAnalyzedConsumerDefinitionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_overview_queue_is_consumed_as_many_at_a_time_as_configured(int concurrent)
    {
        var definition = new SessionAnalyzedConsumerDefinition(Options.Create(new SignalsOptions { ConcurrentPrecomputations = concurrent }));

        Assert.Equal(concurrent, definition.ConcurrentMessageLimit);
        Assert.Equal("signals-session-analyzed", ((IConsumerDefinition)definition).GetEndpointName(DefaultEndpointNameFormatter.Instance));
    }
}
