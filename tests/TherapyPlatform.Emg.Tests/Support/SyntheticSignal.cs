using System.Text.Json;

namespace TherapyPlatform.Emg.Tests.Support;

/// <summary>
/// Builds the signals of shared/emg-golden/synthetic.json from their recipes (its "signal_kinds"),
/// with the reference generator's operation order (numpy: ((2 pi) f) t, linspace ending exactly at its stop).
/// </summary>
public static class SyntheticSignal
{
    public static (double[] Samples, double SamplingRate) Generate(JsonElement recipe)
    {
        if (recipe.TryGetProperty("values", out var values))
        {
            return (values.EnumerateArray().Select(v => v.GetDouble()).ToArray(), 0);
        }

        var n = recipe.GetProperty("n").GetInt32();
        var fs = recipe.TryGetProperty("fs", out var rate) ? rate.GetDouble() : 0;
        var x = new double[n];
        switch (recipe.GetProperty("kind").GetString())
        {
            case "steps":
                foreach (var step in recipe.GetProperty("steps").EnumerateArray())
                {
                    var from = step[0].GetInt32();
                    var to = step[1].GetInt32();
                    Array.Fill(x, step[2].GetDouble(), from, to - from);
                }

                break;
            case "ramp":
                var scale = recipe.GetProperty("scale").GetDouble();
                for (var i = 0; i < n; i++)
                {
                    x[i] = i * scale;
                }

                break;
            case "impulse":
                x[recipe.GetProperty("at").GetInt32()] = 1;
                break;
            case "sin(0.3*i)":
                for (var i = 0; i < n; i++)
                {
                    x[i] = Math.Sin(0.3 * i);
                }

                break;
            case "sum_of_sines":
                SumOfSines(recipe, x, fs);
                break;
            case var other:
                throw new NotSupportedException($"signal kind {other}");
        }

        return (x, fs);
    }

    private static void SumOfSines(JsonElement recipe, double[] x, double fs)
    {
        var n = x.Length;
        var timeKind = recipe.TryGetProperty("t", out var t) ? t.GetString() : "i/fs";
        var time = new double[n];
        for (var i = 0; i < n; i++)
        {
            time[i] = timeKind switch
            {
                "linspace" => i * (recipe.GetProperty("duration_s").GetDouble() / (n - 1)),
                "i/999" => i / 999.0,
                _ => i / fs,
            };
        }

        if (timeKind == "linspace")
        {
            time[^1] = recipe.GetProperty("duration_s").GetDouble();
        }

        foreach (var sine in recipe.GetProperty("sines").EnumerateArray())
        {
            var amplitude = sine[0].GetDouble();
            var frequency = sine[1].GetDouble();
            for (var i = 0; i < n; i++)
            {
                x[i] += amplitude * Math.Sin(2 * Math.PI * frequency * time[i]);
            }
        }

        if (recipe.TryGetProperty("gate", out var gate))
        {
            var factor = new double[n];
            Array.Fill(factor, gate.GetProperty("outside").GetDouble());
            foreach (var inside in gate.GetProperty("inside").EnumerateArray())
            {
                var from = inside[0].GetInt32();
                Array.Fill(factor, 1.0, from, inside[1].GetInt32() - from);
            }

            for (var i = 0; i < n; i++)
            {
                x[i] *= factor[i];
            }
        }
    }
}
