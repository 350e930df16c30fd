using TherapyPlatform.C3d.Fuzzing;
using Xunit.Abstractions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.C3d.Tests.Fuzzing;

/// <summary>
/// Mutated files either parse or raise C3dFormatException, each within 100 ms (the per-case bound) and
/// without allocating beyond what its size justifies.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class MutationTests(ITestOutputHelper output)
{
    private const int GeneratedPerSeed = 1700;
    private const int SharedPerSeed = 60;

    [Fact]
    public void Ten_thousand_mutations_of_generated_files_parse_or_raise_a_format_error()
    {
        var seeds = MutationSeeds.Generated();
        var runner = Warmed(seeds);

        runner.Run(C3dMutations.Generate(seeds, GeneratedPerSeed));

        Report(runner);
        Assert.True(runner.Parsed + runner.Rejected >= 10_000, $"only {runner.Parsed + runner.Rejected} cases");
        Assert.True(runner.Parsed > 1000 && runner.Rejected > 1000, "the mutations should both pass and fail");
        Assert.Empty(runner.Failures);
    }

    [SharedDataFact]
    public void Mutations_of_every_shared_file_parse_or_raise_a_format_error()
    {
        var seeds = MutationSeeds.Shared();
        var runner = Warmed(seeds);

        runner.Run(C3dMutations.Generate(seeds, SharedPerSeed, randomSeed: 0x5A4ED));

        Report(runner);
        Assert.Equal(seeds.Count * SharedPerSeed, runner.Parsed + runner.Rejected);
        Assert.Empty(runner.Failures);
    }

    [Fact]
    public void Generator_is_deterministic_and_covers_every_kind()
    {
        var seeds = MutationSeeds.Generated();

        var first = C3dMutations.Generate(seeds, 12).ToArray();
        var second = C3dMutations.Generate(seeds, 12).ToArray();
        var other = C3dMutations.Generate(seeds, 12, randomSeed: 7).ToArray();

        Assert.Equal(first.Select(m => m.Name), second.Select(m => m.Name));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.Contains(first.Zip(other), pair => !pair.First.Bytes.AsSpan().SequenceEqual(pair.Second.Bytes));
        Assert.Equal(first.Length, first.Select(m => m.Name).Distinct().Count());
        foreach (var kind in new[] { "bitflip", "boundary", "truncate", "splice", "crossover", "shift" })
        {
            Assert.Contains(first, m => m.Name.EndsWith(kind, StringComparison.Ordinal));
        }
    }

    /// <summary>Parses every seed once so JIT compilation is not charged to the first timed case.</summary>
    private static MutationRunner Warmed(IReadOnlyList<(string Name, byte[] Bytes)> seeds)
    {
        foreach (var (_, bytes) in seeds)
        {
            C3dFile.Read(bytes);
        }

        return new MutationRunner();
    }

    private void Report(MutationRunner runner) => output.WriteLine(runner.ToString());
}
