namespace TherapyPlatform.C3d;

/// <summary>Per-channel or per-point arrays that writers split over numbered continuations.</summary>
internal static class ParameterArrays
{
    /// <summary>LABELS, LABELS2, ... concatenated, trimmed; missing labels are empty.</summary>
    public static string[] Labels(C3dParameters parameters, string group, int count)
    {
        var labels = new string[count];
        var i = 0;
        foreach (var parameter in parameters.FindWithContinuations(group, "LABELS"))
        {
            if (parameter.Type != C3dParameterType.Char)
            {
                continue;
            }

            foreach (var label in parameter.GetStrings())
            {
                if (i == count)
                {
                    return labels;
                }

                labels[i++] = label;
            }
        }

        Array.Fill(labels, string.Empty, i, count - i);
        return labels;
    }

    /// <summary>
    /// GROUP:name, name2, ... concatenated; entries beyond the stored ones take <paramref name="fallback"/>.
    /// With unsigned analog data the Int16 offsets are unsigned too.
    /// </summary>
    public static double[] Numbers(C3dParameters parameters, string group, string name, int count, double fallback,
        bool unsigned)
    {
        var values = new double[count];
        var i = 0;
        foreach (var parameter in parameters.FindWithContinuations(group, name))
        {
            if (parameter.Type == C3dParameterType.Char)
            {
                continue;
            }

            for (var k = 0; k < parameter.Count && i < count; k++)
            {
                values[i++] = unsigned && parameter.Type == C3dParameterType.Int16
                    ? (ushort)parameter.GetInt16(k)
                    : parameter.GetNumber(k);
            }
        }

        Array.Fill(values, fallback, i, count - i);
        return values;
    }
}
