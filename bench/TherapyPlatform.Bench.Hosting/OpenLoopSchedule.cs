using System.Diagnostics;

namespace TherapyPlatform.Bench.Hosting;

/// <summary>
/// An open-loop load: call i starts at start + i / rate whatever the earlier calls are doing, so a slow answer
/// cannot hide the ones queued behind it (no coordinated omission).
/// </summary>
public static class OpenLoopSchedule
{
    public static async Task<T[]> RunAsync<T>(int count, double perSecond, Func<int, Task<T>> call)
    {
        var calls = new List<Task<T>>(count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = i;
            calls.Add(Task.Run(() => call(index)));
        }

        return await Task.WhenAll(calls);
    }
}
