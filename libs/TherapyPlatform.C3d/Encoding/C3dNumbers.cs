using System.Buffers.Binary;

namespace TherapyPlatform.C3d;

/// <summary>Reads and writes 16-bit words and 32-bit floats in the byte order and float format of a processor.</summary>
internal readonly struct C3dNumbers(C3dProcessor processor)
{
    public C3dProcessor Processor => processor;

    public short Int16(ReadOnlySpan<byte> source) => processor == C3dProcessor.Mips
        ? BinaryPrimitives.ReadInt16BigEndian(source)
        : BinaryPrimitives.ReadInt16LittleEndian(source);

    public ushort UInt16(ReadOnlySpan<byte> source) => unchecked((ushort)Int16(source));

    public float Single(ReadOnlySpan<byte> source) => processor switch
    {
        C3dProcessor.Mips => BinaryPrimitives.ReadSingleBigEndian(source),
        C3dProcessor.Dec => VaxFloat.Read(source),
        _ => BinaryPrimitives.ReadSingleLittleEndian(source),
    };

    public void WriteInt16(Span<byte> destination, short value)
    {
        if (processor == C3dProcessor.Mips)
        {
            BinaryPrimitives.WriteInt16BigEndian(destination, value);
        }
        else
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination, value);
        }
    }

    public void WriteSingle(Span<byte> destination, float value)
    {
        switch (processor)
        {
            case C3dProcessor.Mips:
                BinaryPrimitives.WriteSingleBigEndian(destination, value);
                break;
            case C3dProcessor.Dec:
                VaxFloat.Write(destination, value);
                break;
            default:
                BinaryPrimitives.WriteSingleLittleEndian(destination, value);
                break;
        }
    }
}
