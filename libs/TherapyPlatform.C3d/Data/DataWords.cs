using System.Buffers.Binary;

namespace TherapyPlatform.C3d;

/// <summary>
/// One data-section word format. The data loops are generic over these structs so the JIT emits one tight
/// loop per format instead of branching on processor and type for every sample.
/// </summary>
internal interface IDataWord
{
    static abstract int Size { get; }

    static abstract double Read(ReadOnlySpan<byte> source);
}

internal readonly struct LittleInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt16LittleEndian(source);
}

internal readonly struct BigInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt16BigEndian(source);
}

internal readonly struct LittleUInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16LittleEndian(source);
}

internal readonly struct BigUInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16BigEndian(source);
}

internal readonly struct LittleSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadSingleLittleEndian(source);
}

internal readonly struct BigSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadSingleBigEndian(source);
}

internal readonly struct DecSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => VaxFloat.Read(source);
}
