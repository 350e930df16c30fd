using MassTransit;
using Microsoft.Extensions.Options;
using TherapyPlatform.Signals.Configuration;

namespace TherapyPlatform.Signals.Overviews;

/// <summary>
/// Signals' own queue (every Signals replica competes for it, other services never share it), consumed
/// <see cref="SignalsOptions.ConcurrentPrecomputations"/> at a time: without a limit, a burst of analyses became as many
/// concurrent decodes as the broker delivered at once, each holding a decoded recording, on the cores requests need.
/// </summary>
internal sealed class SessionAnalyzedConsumerDefinition : ConsumerDefinition<SessionAnalyzedConsumer>
{
    private const string QueueName = "signals-session-analyzed";

    public SessionAnalyzedConsumerDefinition(IOptions<SignalsOptions> options)
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = options.Value.ConcurrentPrecomputations;
    }
}
