using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TherapyPlatform.ServiceDefaults.WarmUp;

/// <summary>
/// Runs the service's warm-ups while the host starts. Hosted services start before the web server, so the service
/// answers its health probe, and the AppHost reports it ready, only once they are done. A failed warm-up (a database
/// not reachable yet) is logged and skipped: it only makes the first request slower, never the service unavailable.
/// </summary>
internal sealed partial class WarmUpService(IEnumerable<IWarmUp> warmUps, ILogger<WarmUpService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var warmUp in warmUps)
        {
            var name = warmUp.GetType().Name;
            var started = Stopwatch.GetTimestamp();
            try
            {
                await warmUp.RunAsync(cancellationToken);
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogWarmedUp(logger, name, elapsedMs);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogWarmUpFailed(logger, name, elapsedMs, ex);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up {WarmUp} done in {ElapsedMs:F0} ms")]
    private static partial void LogWarmedUp(ILogger logger, string warmUp, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up {WarmUp} failed after {ElapsedMs:F0} ms; the first request will be slower")]
    private static partial void LogWarmUpFailed(ILogger logger, string warmUp, double elapsedMs, Exception exception);
}
