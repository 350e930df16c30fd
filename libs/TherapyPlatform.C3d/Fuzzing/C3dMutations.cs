namespace TherapyPlatform.C3d.Fuzzing;

/// <summary>
/// Deterministic mutations of C3D files for robustness tests and fuzz corpora: bit flips, boundary values,
/// truncations, splices within and across files, and insertions/deletions. Most edits land in the first
/// <see cref="StructureBytes"/> bytes, where header and parameters (the parts that steer the reader) live.
/// The same seeds, count and random seed always yield the same names and bytes.
/// </summary>
public static class C3dMutations
{
    /// <summary>The region most mutations aim at: header plus a generous parameter section.</summary>
    public const int StructureBytes = 16 * 1024;

    private static readonly string[] Kinds = ["bitflip", "boundary", "truncate", "splice", "crossover", "shift"];
    private static readonly byte[] BoundaryBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF];
    private static readonly ushort[] BoundaryWords = [0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF, 0x0200];

    /// <summary>
    /// <paramref name="countPerSeed"/> mutations of every seed file, kinds in rotation; crossovers take their
    /// second parent from the other seeds (or the same file when there is only one).
    /// </summary>
    public static IEnumerable<C3dMutation> Generate(IReadOnlyList<(string Name, byte[] Bytes)> seeds,
        int countPerSeed, ulong randomSeed = 0xC3D)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfNegative(countPerSeed);
        var random = new SplitMix64(randomSeed);
        for (var s = 0; s < seeds.Count; s++)
        {
            var (name, bytes) = seeds[s];
            for (var i = 0; i < countPerSeed; i++)
            {
                var kind = i % Kinds.Length;
                var partner = seeds[(s + 1 + random.Below(Math.Max(1, seeds.Count - 1))) % seeds.Count].Bytes;
                yield return new C3dMutation($"{name}#{i:D5}-{Kinds[kind]}", Mutate(kind, bytes, partner, random));
            }
        }
    }

    private static byte[] Mutate(int kind, byte[] source, byte[] partner, SplitMix64 random) => kind switch
    {
        0 => FlipBits(source, random),
        1 => SetBoundaryValues(source, random),
        2 => Truncate(source, random),
        3 => SpliceWithin(source, random),
        4 => Crossover(source, partner, random),
        _ => Shift(source, random),
    };

    private static int Position(byte[] bytes, SplitMix64 random) =>
        random.Chance(80) ? random.Below(Math.Min(bytes.Length, StructureBytes)) : random.Below(bytes.Length);

    private static byte[] FlipBits(byte[] source, SplitMix64 random)
    {
        var bytes = (byte[])source.Clone();
        for (var n = 1 + random.Below(4); n > 0 && bytes.Length > 0; n--)
        {
            bytes[Position(bytes, random)] ^= (byte)(1 << random.Below(8));
        }

        return bytes;
    }

    private static byte[] SetBoundaryValues(byte[] source, SplitMix64 random)
    {
        var bytes = (byte[])source.Clone();
        for (var n = 1 + random.Below(3); n > 0 && bytes.Length > 1; n--)
        {
            var at = Math.Min(Position(bytes, random), bytes.Length - 2);
            if (random.Chance(50))
            {
                bytes[at] = BoundaryBytes[random.Below(BoundaryBytes.Length)];
            }
            else
            {
                var word = BoundaryWords[random.Below(BoundaryWords.Length)];
                bytes[at] = (byte)word;
                bytes[at + 1] = (byte)(word >> 8);
            }
        }

        return bytes;
    }

    private static byte[] Truncate(byte[] source, SplitMix64 random) =>
        source.AsSpan(0, Position(source, random)).ToArray();

    private static byte[] SpliceWithin(byte[] source, SplitMix64 random)
    {
        var bytes = (byte[])source.Clone();
        var length = 1 + random.Below(512);
        var from = Position(bytes, random);
        var to = Position(bytes, random);
        length = Math.Min(length, Math.Min(bytes.Length - from, bytes.Length - to));
        source.AsSpan(from, length).CopyTo(bytes.AsSpan(to));
        return bytes;
    }

    /// <summary>The head of one file joined to the tail of another at a random cut in each.</summary>
    private static byte[] Crossover(byte[] source, byte[] partner, SplitMix64 random)
    {
        var head = Position(source, random);
        var tail = partner.Length == 0 ? 0 : Position(partner, random);
        return [.. source.AsSpan(0, head), .. partner.AsSpan(tail)];
    }

    /// <summary>Inserts random bytes or deletes a run, moving everything after it.</summary>
    private static byte[] Shift(byte[] source, SplitMix64 random)
    {
        var at = Position(source, random);
        var length = 1 + random.Below(64);
        if (random.Chance(50))
        {
            var inserted = new byte[length];
            for (var i = 0; i < length; i++)
            {
                inserted[i] = (byte)random.Next();
            }

            return [.. source.AsSpan(0, at), .. inserted, .. source.AsSpan(at)];
        }

        length = Math.Min(length, source.Length - at);
        return [.. source.AsSpan(0, at), .. source.AsSpan(at + length)];
    }
}
