using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using TherapyPlatform.IntegrationTests.Infrastructure;

namespace TherapyPlatform.IntegrationTests.Faults;

/// <summary>An instance of a resource (a replica has its own): its state, health and the process the orchestrator started.</summary>
public sealed record ResourceInstance(string Id, string? State, string? Health, int? Pid);

/// <summary>
/// Faults injected into the running platform through the AppHost: servers stopped and started with the resource
/// commands, a service replica's process killed with SIGKILL. Every fault is undone by its caller in a finally block,
/// and undoing one waits until the services report healthy again, so later tests find the platform as it was.
/// </summary>
public sealed class PlatformFaults(PlatformFixture platform)
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private DistributedApplication App => platform.App;

    public async Task StopAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Finished, timeout.Token);
    }

    /// <summary>Starts a stopped server and waits until it and every service are healthy again.</summary>
    public async Task StartAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        await platform.WaitUntilServicesHealthyAsync();
    }

    /// <summary>Stops the server, keeps it down for <paramref name="duration"/>, and starts it again whatever happens.</summary>
    public async Task OutageAsync(string resource, TimeSpan duration)
    {
        await StopAsync(resource);
        try
        {
            await Task.Delay(duration);
        }
        finally
        {
            await StartAsync(resource);
        }
    }

    /// <summary>
    /// The instances of resources (one per replica) with their state, health and process id. The notification
    /// stream starts with the latest snapshot of every resource instance, which is where their ids are found.
    /// </summary>
    public async Task<IReadOnlyList<ResourceInstance>> InstancesAsync(params string[] resources)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(window.Token))
            {
                if (resources.Contains(update.Resource.Name))
                {
                    ids.Add(update.ResourceId);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The window is over: every existing instance has been seen.
        }

        return ids.Order(StringComparer.Ordinal)
            .Select(id => App.ResourceNotifications.TryGetCurrentState(id, out var current)
                ? new ResourceInstance(id, current.Snapshot.State?.Text, current.Snapshot.HealthStatus?.ToString(), PidOf(current.Snapshot))
                : new ResourceInstance(id, null, null, null))
            .ToList();
    }

    /// <summary>
    /// Kills one running instance of a service the way a crash does: SIGKILL to its process and the processes it
    /// started (the orchestrator runs a project through a launcher whose child is the service), no shutdown hooks,
    /// no acknowledgements. Returns the instance and every process id it had; restart it with <see cref="RestartAsync"/>.
    /// </summary>
    public async Task<(ResourceInstance Instance, IReadOnlyList<int> Pids)> KillAsync(string resource)
    {
        var instance = (await InstancesAsync(resource)).First(i => i.State == KnownResourceStates.Running && i.Pid is not null);
        var pids = ProcessTree.Of(instance.Pid!.Value);
        foreach (var pid in pids.Reverse())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Already gone with its parent.
            }
        }

        using var timeout = new CancellationTokenSource(CommandTimeout);
        await WaitForInstanceAsync(instance.Id, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        return (instance, pids);
    }

    /// <summary>Starts a stopped or killed instance again and waits until it and every service are healthy.</summary>
    public async Task RestartAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var result = await App.ResourceCommands.ExecuteCommandAsync(instanceId, KnownResourceCommands.StartCommand, timeout.Token);
        Assert.True(result.Success, result.Message);
        await WaitForInstanceAsync(instanceId,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            timeout.Token);
        await platform.WaitUntilServicesHealthyAsync();
    }

    /// <summary>The status a service's <c>/health</c> reports (Healthy, Degraded or Unhealthy).</summary>
    public static async Task<string> HealthAsync(HttpClient service, CancellationToken cancellationToken = default)
    {
        using var response = await service.GetAsync("/health", cancellationToken);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return report.RootElement.GetProperty("status").GetString()!;
    }

    /// <summary>Polls a service's <c>/health</c> until it reports <paramref name="status"/>, within the timeout.</summary>
    public static async Task UntilHealthAsync(HttpClient service, string status, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (await HealthAsync(service, cancellation.Token) != status)
        {
            await Task.Delay(200, cancellation.Token);
        }
    }

    private async Task WaitForInstanceAsync(string instanceId, Func<ResourceEvent, bool> done, CancellationToken cancellationToken)
    {
        if (App.ResourceNotifications.TryGetCurrentState(instanceId, out var current) && done(current))
        {
            return;
        }

        await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.ResourceId == instanceId && done(update))
            {
                return;
            }
        }
    }

    private static int? PidOf(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };
}

/// <summary>A process and its descendants, from <c>/proc</c> (parents before children).</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Of(int root)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .Where(p => p.Parent is not null)
            .ToLookup(p => p.Parent!.Value, p => p.Pid);
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents[tree[i]]);
        }

        return tree;
    }

    /// <summary>The fourth field of <c>/proc/PID/stat</c>, after the command name in parentheses (which may hold spaces).</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // The process ended while the table was read.
        }
    }
}
