using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TherapyPlatform.ServiceDefaults.WarmUp;

namespace Microsoft.Extensions.Hosting;

public static class WarmUpExtensions
{
    /// <summary>Adds a warm-up, run once at start in the order added (see <see cref="IWarmUp"/>).</summary>
    public static IServiceCollection AddWarmUp<TWarmUp>(this IServiceCollection services)
        where TWarmUp : class, IWarmUp
    {
        services.AddSingleton<IWarmUp, TWarmUp>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WarmUpService>());
        return services;
    }
}
