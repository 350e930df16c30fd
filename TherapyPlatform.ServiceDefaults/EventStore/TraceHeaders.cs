using System.Diagnostics;
using JasperFx.Events;
using Marten;

namespace TherapyPlatform.ServiceDefaults.EventStore;

/// <summary>
/// Carries the W3C trace context on stored events, so work that a subscription does later (publishing to the bus,
/// writing the cache) continues the trace of the request that appended the event: one story in the dashboard.
/// </summary>
public static class TraceHeaders
{
    private const string TraceParent = "traceparent";

    /// <summary>Stamps the events appended by <paramref name="session"/> with the current trace.</summary>
    public static void StampCurrentTrace(this IDocumentSession session)
    {
        if (Activity.Current is { } activity)
        {
            session.SetHeader(TraceParent, activity.Id!);
        }
    }

    /// <summary>The trace an event was appended in, or default when it carries none.</summary>
    public static ActivityContext TraceOf(IEvent @event) =>
        @event.GetHeader(TraceParent) is { } value && ActivityContext.TryParse(value.ToString(), null, out var context)
            ? context
            : default;
}
