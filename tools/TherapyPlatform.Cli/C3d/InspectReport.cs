using TherapyPlatform.C3d;

namespace TherapyPlatform.Cli.C3d;

/// <summary>What <c>c3d inspect</c> reports about a file, computed once for both output formats.</summary>
public sealed record InspectReport(
    long Size,
    string Processor,
    bool IsFloat,
    bool IsUnsignedAnalog,
    int Points,
    double PointRate,
    double AnalogRate,
    int Frames,
    IReadOnlyList<string> Groups,
    IReadOnlyList<ChannelStatistics> Analog)
{
    public static InspectReport Of(C3dFile file, long size) => new(
        size,
        ProcessorName(file.Processor),
        file.IsFloat,
        file.IsUnsignedAnalog,
        file.Points.Count,
        file.PointRate,
        file.AnalogRate,
        file.Frames,
        file.Parameters.Groups.Select(g => g.Name).Order(StringComparer.Ordinal).ToArray(),
        file.Analogs.Select(ChannelStatistics.Of).ToArray());

    /// <summary>The names expected.json uses.</summary>
    public static string ProcessorName(C3dProcessor processor) => processor switch
    {
        C3dProcessor.Dec => "DEC",
        C3dProcessor.Mips => "MIPS",
        _ => "Intel",
    };
}

/// <summary>Per-channel figures; sums are compensated so they do not depend on summation order.</summary>
public sealed record ChannelStatistics(string Label, int Count, double Sum, double SumAbs, double? Min, double? Max,
    double[] First)
{
    private const int FirstCount = 3;

    public static ChannelStatistics Of(AnalogChannel channel)
    {
        var samples = channel.Samples;
        var sum = new CompensatedSum();
        var sumAbs = new CompensatedSum();
        double? min = null, max = null;
        foreach (var value in samples)
        {
            sum.Add(value);
            sumAbs.Add(Math.Abs(value));
            min = min is null || value < min ? value : min;
            max = max is null || value > max ? value : max;
        }

        return new ChannelStatistics(channel.Label, samples.Length, sum.Value, sumAbs.Value, min, max,
            samples.Take(FirstCount).ToArray());
    }

    /// <summary>Neumaier summation: error independent of the number of samples.</summary>
    private struct CompensatedSum
    {
        private double sum;
        private double compensation;

        public readonly double Value => sum + compensation;

        public void Add(double value)
        {
            var t = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
            sum = t;
        }
    }
}
