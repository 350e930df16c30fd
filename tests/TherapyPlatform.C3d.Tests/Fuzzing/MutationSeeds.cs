using TherapyPlatform.C3d.Tests.Fixtures;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.C3d.Tests.Fuzzing;

/// <summary>The files the mutation tests start from: generated ones (always) and the shared real ones.</summary>
public static class MutationSeeds
{
    public static IReadOnlyList<(string Name, byte[] Bytes)> Generated()
    {
        var unfinalised = GhostlyRecording.Create(frames: 30);
        unfinalised = unfinalised
            .WithInt16(unfinalised.DataOffset("POINT", "FRAMES"), 0)
            .WithInt16(8, 0)
            .WithInt16(16, 0)
            .Appended(182, 0x5A);

        var wide = new C3dWriter { PointRate = 50, AnalogRate = 100, IsFloat = false };
        for (var c = 0; c < 300; c++)
        {
            wide.AddAnalog($"EMG{c}", [c, -c, c / 2.0, 0], scale: 0.5, offset: c % 11);
        }

        var events = new C3dWriter { PointRate = 10, AnalogRate = 20, IsFloat = false, IsUnsignedAnalog = true }
            .AddAnalog("Fz", Enumerable.Range(0, 40).Select(i => i * 0.25).ToArray(), scale: 0.25)
            .AddPoint("TOE", Enumerable.Range(0, 20).Select(i => new System.Numerics.Vector3(i, -i, 2 * i)).ToArray())
            .AddEvent("Foot Strike", 0.5, "Left").AddEvent("Foot Off", 1.25, "Left", "toe off")
            .AddParameter("THERAPY", "GAINS", [1f, 2, 3, 4, 5, 6], dimensions: [3, 2])
            .AddParameter("TRIAL", "ACTUAL_START_FIELD", new short[] { 1, 0 })
            .AddParameter("TRIAL", "ACTUAL_END_FIELD", new short[] { 20, 0 });

        return
        [
            ("ghostly-intel-float", GhostlyRecording.Create(frames: 40)),
            ("ghostly-dec-int", GhostlyRecording.Create(frames: 40, C3dProcessor.Dec, isFloat: false)),
            ("ghostly-mips-float", GhostlyRecording.Create(frames: 20, C3dProcessor.Mips, channels: 6)),
            ("ghostly-unfinalised", unfinalised),
            ("wide-labels2", wide.ToArray()),
            ("unsigned-events-trial", events.ToArray()),
        ];
    }

    /// <summary>Every non-empty file under shared/c3d (empty when the folder is absent).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Shared() =>
        !SharedData.IsAvailable
            ? []
            : Directory.GetFiles(SharedData.PathOf("c3d"), "*.c3d", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
                .Where(seed => seed.Item2.Length > 0)
                .ToArray();
}
