namespace TherapyPlatform.C3d;

/// <summary>Writes the data section frame by frame (points, then analog samples sample-major), padded to a block.</summary>
internal sealed class FrameWriter(FileShape shape, C3dNumbers numbers, bool isFloat, float pointScale,
    List<AnalogDraft> analogs, List<PointDraft> points)
{
    private readonly int wordSize = isFloat ? 4 : 2;

    public void WriteTo(Stream stream)
    {
        var frameBytes = (points.Count * 4 + analogs.Count * shape.SamplesPerFrame) * wordSize;
        var frame = new byte[frameBytes];
        for (var f = 0; f < shape.Frames; f++)
        {
            var words = frame.AsSpan();
            foreach (var point in points)
            {
                var p = point.Positions[f];
                var coordinateScale = isFloat ? 1f : pointScale;
                Word(ref words, p.X / (double)coordinateScale);
                Word(ref words, p.Y / (double)coordinateScale);
                Word(ref words, p.Z / (double)coordinateScale);
                Word(ref words, point.ResidualWord(f, pointScale));
            }

            for (var s = 0; s < shape.SamplesPerFrame; s++)
            {
                var index = f * shape.SamplesPerFrame + s;
                foreach (var analog in analogs)
                {
                    Word(ref words, analog.Raw(analog.Samples[index], isFloat));
                }
            }

            stream.Write(frame);
        }

        var written = (long)frameBytes * shape.Frames;
        var padding = (int)((C3dHeader.BlockSize - written % C3dHeader.BlockSize) % C3dHeader.BlockSize);
        stream.Write(new byte[padding]);
    }

    private void Word(ref Span<byte> words, double value)
    {
        if (isFloat)
        {
            numbers.WriteSingle(words, (float)value);
        }
        else
        {
            // Integer words were range-checked when added; the cast keeps uint16 bit patterns for unsigned data.
            numbers.WriteInt16(words, unchecked((short)(int)Math.Round(value)));
        }

        words = words[wordSize..];
    }
}
