using System.Globalization;

namespace TherapyPlatform.Bench.Hosting;

/// <summary>
/// The whole machine's CPU ticks and context switches so far (<c>/proc/stat</c>). Read before and after a
/// measurement, they say what one call cost every process together, the load generator's own share included, on the
/// cores the load generator shares with the platform it measures.
/// </summary>
public readonly record struct MachineCounters(long IdleTicks, long TotalTicks, long ContextSwitches)
{
    /// <summary>The kernel's clock ticks per second (USER_HZ), which is 100 on every Linux build .NET runs on.</summary>
    private const double TicksPerSecond = 100;

    private const string StatPath = "/proc/stat";

    /// <summary>Null where /proc/stat is missing (not Linux).</summary>
    public static MachineCounters? Read()
    {
        if (!File.Exists(StatPath))
        {
            return null;
        }

        long idle = 0, total = 0, switches = 0;
        foreach (var line in File.ReadLines(StatPath))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (fields[0])
            {
                case "cpu":
                    // "cpu user nice system idle iowait irq softirq steal ...": idle and iowait are the idle time.
                    var ticks = fields.Skip(1).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
                    (idle, total) = (ticks[3] + ticks[4], ticks.Sum());
                    break;
                case "ctxt":
                    switches = long.Parse(fields[1], CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new MachineCounters(idle, total, switches);
    }

    /// <summary>The share of the CPUs busy since <paramref name="earlier"/>, 0 to 1.</summary>
    public double BusySince(MachineCounters earlier) =>
        TotalTicks == earlier.TotalTicks ? 0 : 1 - ((double)(IdleTicks - earlier.IdleTicks) / (TotalTicks - earlier.TotalTicks));

    /// <summary>CPU milliseconds (all cores) and context switches per call since <paramref name="earlier"/>.</summary>
    public (double CpuMilliseconds, double ContextSwitches) PerCallSince(MachineCounters earlier, int calls)
    {
        var busyTicks = TotalTicks - IdleTicks - (earlier.TotalTicks - earlier.IdleTicks);
        return (busyTicks * 1000 / TicksPerSecond / calls, (double)(ContextSwitches - earlier.ContextSwitches) / calls);
    }
}
