using System.Buffers;

namespace TherapyPlatform.C3d;

/// <summary>
/// Reads the analog part of every frame (sample-major: sample 0 of channels 0..n-1, then sample 1, ...) and
/// scales it as (raw - OFFSET) x SCALE x GEN_SCALE.
/// </summary>
internal static class AnalogReader
{
    public static AnalogChannel[] Read(ReadOnlySpan<byte> file, C3dLayout layout, C3dProcessor processor,
        C3dParameters parameters)
    {
        var channels = layout.AnalogChannels;
        var labels = ParameterArrays.Labels(parameters, "ANALOG", channels);
        var scales = ParameterArrays.Numbers(parameters, "ANALOG", "SCALE", channels, 1.0, unsigned: false);
        var offsets = ParameterArrays.Numbers(parameters, "ANALOG", "OFFSET", channels, 0.0, layout.IsUnsignedAnalog);
        var generalScale = ParameterArrays.Numbers(parameters, "ANALOG", "GEN_SCALE", 1, 1.0, unsigned: false)[0];

        // Bounded by the file only when there are channels: each sample then takes at least two bytes of it.
        var count = channels == 0 ? 0 : checked(layout.Frames * layout.AnalogSamplesPerFrame);
        var samples = new double[channels][];
        for (var c = 0; c < channels; c++)
        {
            samples[c] = count == 0 ? [] : GC.AllocateUninitializedArray<double>(count);
        }

        if (count > 0 && channels > 0)
        {
            var scaling = new Scaling(offsets, scales, generalScale);
            switch (processor, layout.IsFloat, layout.IsUnsignedAnalog)
            {
                case (C3dProcessor.Mips, true, _):
                    Fill<BigSingle>(file, layout, samples, scaling);
                    break;
                case (C3dProcessor.Dec, true, _):
                    Fill<DecSingle>(file, layout, samples, scaling);
                    break;
                case (_, true, _):
                    Fill<LittleSingle>(file, layout, samples, scaling);
                    break;
                case (C3dProcessor.Mips, false, true):
                    Fill<BigUInt16>(file, layout, samples, scaling);
                    break;
                case (C3dProcessor.Mips, false, false):
                    Fill<BigInt16>(file, layout, samples, scaling);
                    break;
                case (_, false, true):
                    Fill<LittleUInt16>(file, layout, samples, scaling);
                    break;
                default:
                    Fill<LittleInt16>(file, layout, samples, scaling);
                    break;
            }
        }

        var result = new AnalogChannel[channels];
        for (var c = 0; c < channels; c++)
        {
            result[c] = new AnalogChannel(labels[c], samples[c]);
        }

        return result;
    }

    /// <summary>
    /// Decodes each frame's analog words in one typed pass into a pooled buffer, then scatters them channel by
    /// channel with that channel's offset and scale held in locals.
    /// </summary>
    private static void Fill<TWord>(ReadOnlySpan<byte> file, C3dLayout layout, double[][] samples, Scaling scaling)
        where TWord : struct, IDataWord
    {
        var channels = samples.Length;
        var samplesPerFrame = layout.AnalogSamplesPerFrame;
        var wordsPerFrame = channels * samplesPerFrame;
        var generalScale = scaling.GeneralScale;
        var rented = ArrayPool<double>.Shared.Rent(wordsPerFrame);
        try
        {
            var words = rented.AsSpan(0, wordsPerFrame);
            for (var frame = 0; frame < layout.Frames; frame++)
            {
                var start = layout.DataStart + frame * layout.FrameBytes + layout.PointBytes;
                TWord.Decode(file.Slice((int)start, wordsPerFrame * TWord.Size), words);
                var first = frame * samplesPerFrame;
                for (var c = 0; c < channels; c++)
                {
                    var destination = samples[c].AsSpan(first, samplesPerFrame);
                    var offset = scaling.Offsets[c];
                    var scale = scaling.Scales[c];
                    for (int s = 0, w = c; s < destination.Length; s++, w += channels)
                    {
                        destination[s] = (words[w] - offset) * scale * generalScale;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    private readonly record struct Scaling(double[] Offsets, double[] Scales, double GeneralScale);
}
