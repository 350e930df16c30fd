using System.Numerics;

namespace TherapyPlatform.C3d;

/// <summary>
/// Reads POINT:USED x (X, Y, Z, residual/camera word) at the start of every frame. Integer coordinates are
/// multiplied by |POINT:SCALE|; the fourth word's low byte times |POINT:SCALE| is the residual, its high byte
/// the camera mask, and a negative word marks the point invalid in that frame.
/// </summary>
internal static class PointReader
{
    public static PointTrajectory[] Read(ReadOnlySpan<byte> file, C3dLayout layout, C3dProcessor processor,
        C3dParameters parameters)
    {
        var labels = ParameterArrays.Labels(parameters, "POINT", layout.PointCount);
        var result = new PointTrajectory[layout.PointCount];
        var frames = layout.Frames;
        for (var p = 0; p < result.Length; p++)
        {
            result[p] = new PointTrajectory(labels[p], new Vector3[frames], new float[frames], new byte[frames]);
        }

        if (frames == 0 || result.Length == 0)
        {
            return result;
        }

        switch (processor, layout.IsFloat)
        {
            case (C3dProcessor.Mips, true):
                Fill<BigSingle>(file, layout, result);
                break;
            case (C3dProcessor.Dec, true):
                Fill<DecSingle>(file, layout, result);
                break;
            case (_, true):
                Fill<LittleSingle>(file, layout, result);
                break;
            case (C3dProcessor.Mips, false):
                Fill<BigInt16>(file, layout, result);
                break;
            default:
                Fill<LittleInt16>(file, layout, result);
                break;
        }

        return result;
    }

    private static void Fill<TWord>(ReadOnlySpan<byte> file, C3dLayout layout, PointTrajectory[] points)
        where TWord : struct, IDataWord
    {
        var size = TWord.Size;
        var scale = layout.PointScale;
        var coordinateScale = layout.IsFloat ? 1.0 : scale;
        for (var frame = 0; frame < layout.Frames; frame++)
        {
            var words = file.Slice((int)(layout.DataStart + frame * layout.FrameBytes), (int)layout.PointBytes);
            foreach (var point in points)
            {
                point.Positions[frame] = new Vector3(
                    (float)(TWord.Read(words) * coordinateScale),
                    (float)(TWord.Read(words[size..]) * coordinateScale),
                    (float)(TWord.Read(words[(2 * size)..]) * coordinateScale));
                var word = (int)TWord.Read(words[(3 * size)..]);
                if (word < 0)
                {
                    point.Residuals[frame] = -1f;
                }
                else
                {
                    point.Residuals[frame] = (float)((word & 0xFF) * scale);
                    point.CameraMasks[frame] = (byte)(word >> 8);
                }

                words = words[(4 * size)..];
            }
        }
    }
}
