using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// MassTransit over the RabbitMQ the AppHost references as <c>rabbitmq</c> (an <c>amqp://</c> URI in every
/// infrastructure mode). MassTransit registers its own bus health check, which <c>/health</c> reports.
/// </summary>
public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    public static TBuilder AddMessaging<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set; the AppHost provides it.");
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var address) || address.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} must be an amqp:// URI.");
        }

        builder.Services.AddMassTransit(bus =>
        {
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(address);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
