using System.Diagnostics;
using TherapyPlatform.C3d.Fuzzing;

namespace TherapyPlatform.C3d.Tests.Fuzzing;

/// <summary>
/// Parses mutations one by one and records every case that breaks a rule: an exception other than
/// C3dFormatException, a parse slower than the per-case bound, or more allocation than the input justifies.
/// </summary>
public sealed class MutationRunner
{
    /// <summary>The issue's per-case bound.</summary>
    public static readonly TimeSpan MaxPerCase = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Allocation allowed per input byte: int16 samples become doubles (4x) and a damaged parameter section can
    /// turn each few bytes into a small object; a fixed allowance covers lists, names and the exception.
    /// </summary>
    public const int MaxAllocationPerByte = 32;

    public const int FixedAllocationAllowance = 1 << 20;

    /// <summary>
    /// A case over the bound is timed again, up to this many times in all, and its best time counts: on a shared
    /// machine one sample can include preemption or a collection of earlier cases' garbage, while a real hang or
    /// blow-up is slow every time.
    /// </summary>
    private const int MaxAttempts = 5;

    private readonly List<string> failures = [];

    public int Parsed { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Cases whose first timing exceeded the bound and were timed again.</summary>
    public int Retimed { get; private set; }

    public TimeSpan Slowest { get; private set; }

    public string SlowestCase { get; private set; } = string.Empty;

    public IReadOnlyList<string> Failures => failures;

    public void Run(IEnumerable<C3dMutation> mutations)
    {
        foreach (var mutation in mutations)
        {
            Run(mutation);
        }
    }

    public override string ToString() =>
        $"{Parsed} parsed, {Rejected} rejected, slowest {Slowest.TotalMilliseconds:F2} ms ({SlowestCase}), " +
        $"{Retimed} re-timed, {failures.Count} failures: {string.Join("; ", failures.Take(10))}";

    private void Run(C3dMutation mutation)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var elapsed = Parse(mutation, recordOutcome: true);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (elapsed > MaxPerCase)
        {
            Retimed++;
            for (var attempt = 1; attempt < MaxAttempts && elapsed > MaxPerCase; attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                elapsed = TimeSpan.FromTicks(Math.Min(elapsed.Ticks, Parse(mutation, recordOutcome: false).Ticks));
            }
        }

        if (elapsed > Slowest)
        {
            Slowest = elapsed;
            SlowestCase = mutation.Name;
        }

        if (elapsed > MaxPerCase)
        {
            failures.Add($"{mutation.Name}: took {elapsed.TotalMilliseconds:F1} ms");
        }

        if (allocated > (long)MaxAllocationPerByte * mutation.Bytes.Length + FixedAllocationAllowance)
        {
            failures.Add($"{mutation.Name}: allocated {allocated} bytes for {mutation.Bytes.Length} bytes of input");
        }
    }

    private TimeSpan Parse(C3dMutation mutation, bool recordOutcome)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            C3dFile.Read(mutation.Bytes);
            watch.Stop();
            Parsed += recordOutcome ? 1 : 0;
        }
        catch (C3dFormatException e)
        {
            watch.Stop();
            Rejected += recordOutcome ? 1 : 0;
            if (recordOutcome && (e.Offset < 0 || e.Offset > Math.Max(mutation.Bytes.Length, C3dFile.DefaultMaxStreamBytes)))
            {
                failures.Add($"{mutation.Name}: offset {e.Offset} outside the file ({e.Message})");
            }
        }
        catch (Exception e) when (recordOutcome)
        {
            watch.Stop();
            failures.Add($"{mutation.Name}: {e.GetType().Name}: {e.Message}");
        }

        return watch.Elapsed;
    }
}
