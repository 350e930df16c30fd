namespace TherapyPlatform.ServiceDefaults.WarmUp;

/// <summary>
/// Work a service does once at start, before it listens, so that its first real request or message does not pay for
/// compiling its code paths (the services compile each method once, optimised: a cold path costs seconds).
/// A warm-up must leave no trace in the platform's data: it reads, and computes on synthetic input in memory.
/// </summary>
public interface IWarmUp
{
    Task RunAsync(CancellationToken cancellationToken);
}
