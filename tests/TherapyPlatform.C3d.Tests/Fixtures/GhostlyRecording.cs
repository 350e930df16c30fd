using System.Numerics;
using TherapyPlatform.C3d;

namespace TherapyPlatform.C3d.Tests.Fixtures;

/// <summary>
/// GHOSTLY-shaped recordings made with <see cref="C3dWriter"/>: 1 point at 33 Hz, EMG channels at 990 Hz
/// (30 samples per frame), INFO and SUBJECTS groups. Values are deterministic synthetic EMG in volts.
/// </summary>
public static class GhostlyRecording
{
    public const double PointRate = 33;
    public const double AnalogRate = 990;

    public static readonly string[] Labels = ["CH1 Raw", "CH2 Raw", "CH1 activated", "CH2 activated"];

    public static byte[] Create(int frames = 99, C3dProcessor processor = C3dProcessor.Intel, bool isFloat = true,
        int channels = 4) => Writer(frames, processor, isFloat, channels).ToArray();

    public static C3dWriter Writer(int frames = 99, C3dProcessor processor = C3dProcessor.Intel, bool isFloat = true,
        int channels = 4)
    {
        var writer = new C3dWriter
        {
            PointRate = PointRate,
            AnalogRate = AnalogRate,
            IsFloat = isFloat,
            Processor = processor,
            PointScale = isFloat ? 1f : 0.5f,
        };
        var samples = frames * 30;
        for (var c = 0; c < channels; c++)
        {
            var label = c < Labels.Length ? Labels[c] : $"CH{c + 1} Extra";
            // Integer files store steps of 2^-20 V, so the values below are exactly representable there too.
            writer.AddAnalog(label, Emg(samples, c), isFloat ? null : 1.0 / (1 << 20));
        }

        writer.AddPoint("PlayerPosition", Enumerable.Range(0, frames)
            .Select(i => new Vector3(i % 50, (i * 3) % 40 - 20, 0.5f * (i % 7))).ToArray());
        return writer
            .AddParameter("SUBJECTS", "MARKER_SET", "Using ETRO extended marker set")
            .AddParameter("SUBJECTS", "PLAYER_NAME", "Default")
            .AddParameter("SUBJECTS", "GAME_SCORE", 24f)
            .AddParameter("INFO", "SYSTEM", "OpenFeasyo")
            .AddParameter("INFO", "EVENT", "gameplay")
            .AddParameter("INFO", "GAME_NAME", "Ghostly")
            .AddParameter("INFO", "GAME_LEVEL_NAME", " --- ")
            .AddParameter("INFO", "GAME_LEVEL", (short)2)
            .AddParameter("INFO", "VERSION", "OpenFeasyo.Android")
            .AddParameter("INFO", "DURATION", (short)3)
            .AddParameter("INFO", "THERAPIST_ID", "---")
            .AddParameter("INFO", "GROUP_ID", "N/A")
            .AddParameter("INFO", "TIME", ["2023", "3", "21", "17", "50"]);
    }

    /// <summary>
    /// Raw channels: bursts of a 60 Hz carrier around -1 mV..+1 mV; "activated" channels: non-negative envelope,
    /// mostly zero. Quantised to 2^-20 V so float and integer files hold them exactly.
    /// </summary>
    public static double[] Emg(int count, int channel)
    {
        var values = new double[count];
        var activated = channel % 4 >= 2;
        for (var i = 0; i < count; i++)
        {
            var burst = (i / 495 + channel) % 3 == 0 ? 1.0 : 0.1;
            var carrier = Math.Sin(2 * Math.PI * 60 * i / AnalogRate + channel);
            var value = activated ? Math.Max(0, burst - 0.5) * 0.0004 : burst * carrier * 0.001;
            values[i] = Math.Round(value * (1 << 20)) / (1 << 20);
        }

        return values;
    }
}
