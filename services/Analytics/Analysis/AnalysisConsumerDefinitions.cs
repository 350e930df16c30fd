using MassTransit;
using TherapyPlatform.Contracts;
using Microsoft.Extensions.Options;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>
/// Transient failures (database, file store) are redelivered with exponential back-off; after the last retry the
/// message goes to the <c>_error</c> queue and its fault marks the session failed. Deterministic failures never
/// get here: the consumer records them as <c>AnalysisFailed</c>.
/// </summary>
public sealed class SessionAnalysisConsumerDefinition : ConsumerDefinition<SessionAnalysisConsumer>
{
    private readonly IOptions<AnalysisOptions> options;

    public SessionAnalysisConsumerDefinition(IOptions<AnalysisOptions> options)
    {
        this.options = options;
        // Ingestion sends the requests to this durable queue (not an exchange), so none is lost before this binds.
        EndpointName = Queues.SessionAnalysis;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SessionAnalysisConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        var settings = options.Value;
        endpointConfigurator.ConcurrentMessageLimit = settings.ConcurrentAnalyses;
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(settings));
    }
}

/// <summary>Marking a session failed needs the database too, so it is retried the same way.</summary>
public sealed class AnalysisFaultConsumerDefinition(IOptions<AnalysisOptions> options) : ConsumerDefinition<AnalysisFaultConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalysisFaultConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(options.Value));
}

internal static class RetryConfiguratorExtensions
{
    public static void Exponential(this IRetryConfigurator retry, AnalysisOptions settings)
    {
        var min = TimeSpan.FromMilliseconds(settings.MinRetryIntervalMs);
        retry.Exponential(settings.RetryLimit, min, TimeSpan.FromMilliseconds(settings.MaxRetryIntervalMs), min);
    }
}
