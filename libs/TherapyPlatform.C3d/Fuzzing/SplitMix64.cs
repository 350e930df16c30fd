namespace TherapyPlatform.C3d.Fuzzing;

/// <summary>
/// A tiny deterministic generator: the same seed gives the same sequence on every runtime and platform,
/// which <see cref="Random"/> does not promise.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15ul;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ul;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBul;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, bound); 0 when the bound is not positive.</summary>
    public int Below(int bound) => bound <= 0 ? 0 : (int)(Next() % (ulong)bound);

    public bool Chance(int percent) => Below(100) < percent;
}
