using MassTransit;

namespace TherapyPlatform.ServiceDefaults.WarmUp;

public static class BusWarmUp
{
    /// <summary>A non-durable exchange nothing is bound to: RabbitMQ drops what is sent to it.</summary>
    private static readonly Uri Void = new("exchange:therapy-warm-up?temporary=true");

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends a synthetic message of a type the service sends or publishes to an exchange no queue is bound to, so its
    /// send path (serializer, pipes, channel) is compiled before the first real one, and no consumer ever sees it.
    /// Bounded: RabbitMQ may be down at start, and a service must start without it.
    /// </summary>
    public static async Task SendToVoidAsync(this IBus bus, object message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var endpoint = await bus.GetSendEndpoint(Void).WaitAsync(timeout.Token);
        await endpoint.Send(message, message.GetType(), timeout.Token);
    }
}
