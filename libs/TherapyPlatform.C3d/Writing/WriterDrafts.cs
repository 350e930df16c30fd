using System.Numerics;

namespace TherapyPlatform.C3d;

internal sealed record AnalogDraft(string Label, double[] Samples, float Scale, int Offset)
{
    /// <summary>The stored word: integer files round to the scale's step.</summary>
    public double Raw(double value, bool isFloat) =>
        isFloat ? value / Scale + Offset : Math.Round(value / Scale) + Offset;

    public void CheckRange(int min, int max)
    {
        foreach (var value in Samples)
        {
            var raw = Raw(value, isFloat: false);
            if (!(raw >= min && raw <= max))
            {
                throw new ArgumentException(
                    $"channel {Label}: {value} at scale {Scale} and offset {Offset} does not fit a 16-bit word");
            }
        }
    }
}

internal sealed record PointDraft(string Label, Vector3[] Positions, float[] Residuals, byte[] CameraMasks)
{
    private const int MaxResidualSteps = 255;

    public void Check(bool isFloat, float scale)
    {
        if (!(scale > 0) || !float.IsFinite(scale))
        {
            throw new ArgumentException($"the point scale must be positive, not {scale}");
        }

        for (var i = 0; i < Positions.Length; i++)
        {
            var steps = Residuals[i] < 0 ? 0 : Math.Round(Residuals[i] / scale);
            if (steps > MaxResidualSteps || (!isFloat && CameraMasks[i] > sbyte.MaxValue))
            {
                throw new ArgumentException(
                    $"point {Label}, frame {i}: the residual must be at most {MaxResidualSteps} x {scale} " +
                    "(and integer files allow camera masks up to 127)");
            }

            var p = Positions[i];
            if (!isFloat && !(Fits(p.X, scale) && Fits(p.Y, scale) && Fits(p.Z, scale)))
            {
                throw new ArgumentException(
                    $"point {Label}, frame {i}: a coordinate does not fit a 16-bit word at scale {scale}");
            }
        }
    }

    /// <summary>The fourth word: -1 for an invalid point, else camera mask (high byte) and residual steps.</summary>
    public int ResidualWord(int frame, float scale) => Residuals[frame] < 0
        ? -1
        : (CameraMasks[frame] << 8) | (int)Math.Round(Residuals[frame] / scale);

    private static bool Fits(float coordinate, float scale) =>
        Math.Round(coordinate / (double)scale) is >= short.MinValue and <= short.MaxValue;
}

/// <summary>Frames, rates and samples per frame implied by the writer's settings and data, validated.</summary>
internal sealed record FileShape(int Frames, int SamplesPerFrame, double FrameRate, double AnalogRate,
    float StoredPointScale)
{
    public static FileShape Of(C3dWriter writer, List<AnalogDraft> analogs, List<PointDraft> points)
    {
        var frameRate = writer.PointRate > 0 ? writer.PointRate : writer.AnalogRate;
        if ((analogs.Count > 0 || points.Count > 0) && !(frameRate > 0))
        {
            throw new InvalidOperationException("set PointRate (or AnalogRate) to a positive rate");
        }

        var samplesPerFrame = 0;
        if (analogs.Count > 0)
        {
            var analogRate = writer.AnalogRate > 0 ? writer.AnalogRate : frameRate;
            var ratio = analogRate / frameRate;
            samplesPerFrame = (int)Math.Round(ratio);
            if (samplesPerFrame < 1 || Math.Abs(ratio - samplesPerFrame) > 1e-9 || samplesPerFrame > ushort.MaxValue)
            {
                throw new InvalidOperationException(
                    $"AnalogRate {analogRate} must be a whole multiple of PointRate {frameRate}");
            }
        }

        var frames = points.Count > 0
            ? points[0].Positions.Length
            : analogs.Count > 0 ? analogs[0].Samples.Length / samplesPerFrame : 0;
        if (points.Any(p => p.Positions.Length != frames) ||
            analogs.Any(a => a.Samples.Length != (long)frames * samplesPerFrame))
        {
            throw new InvalidOperationException(
                $"every point needs {frames} frames and every channel {frames} x {samplesPerFrame} samples");
        }

        var storedScale = writer.IsFloat ? -writer.PointScale : writer.PointScale;
        return new FileShape(frames, samplesPerFrame, frameRate, frameRate * samplesPerFrame, storedScale);
    }
}
