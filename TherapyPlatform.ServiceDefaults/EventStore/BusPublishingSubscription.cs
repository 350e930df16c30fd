using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace TherapyPlatform.ServiceDefaults.EventStore;

/// <summary>
/// Publishes (or sends) integration messages from committed session events (a transactional outbox without a second table):
/// the daemon hands over events only after their transaction committed, and records its progress only after this
/// returns, so a message is published at least once even if RabbitMQ was down when the request was answered.
/// Publishing is retried here, in order, until it succeeds, rather than failing the page: a failed subscription
/// would be paused by the daemon and stop publishing altogether.
/// </summary>
public abstract partial class BusPublishingSubscription : SubscriptionBase
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly IBus bus;
    private readonly ActivitySource activitySource;
    private readonly ILogger logger;

    protected BusPublishingSubscription(IBus bus, ActivitySource activitySource, ILogger logger)
    {
        this.bus = bus;
        this.activitySource = activitySource;
        this.logger = logger;
    }

    /// <summary>The message for a committed event, or null when the event publishes nothing.</summary>
    protected abstract object? ToMessage(IEvent committed);

    /// <summary>A queue to send the messages to instead of publishing them (see <c>Contracts.Queues</c>).</summary>
    protected virtual string? DestinationQueue => null;

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var @event in page.Events)
        {
            if (ToMessage(@event) is not { } message)
            {
                continue;
            }

            using var activity = activitySource.StartActivity(
                $"publish {message.GetType().Name}", ActivityKind.Producer, TraceHeaders.TraceOf(@event));
            activity?.SetTag("session.id", @event.StreamId);
            activity?.SetTag("event.sequence", @event.Sequence);
            await PublishUntilDeliveredAsync(message, @event.Sequence, cancellationToken);
        }

        return NullChangeListener.Instance;
    }

    private async Task PublishUntilDeliveredAsync(object message, long sequence, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                if (DestinationQueue is { } queue)
                {
                    var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
                    await endpoint.Send(message, message.GetType(), timeout.Token);
                }
                else
                {
                    await bus.Publish(message, message.GetType(), timeout.Token);
                }

                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                LogPublishRetry(logger, message.GetType().Name, sequence, attempt, ex);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {MessageType} for event {Sequence} failed (attempt {Attempt}); retrying")]
    private static partial void LogPublishRetry(ILogger logger, string messageType, long sequence, int attempt, Exception exception);
}
