using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace TherapyPlatform.C3d;

/// <summary>
/// One data-section word format. The data loops are generic over these structs so the JIT emits one tight
/// loop per format instead of branching on processor and type for every sample.
/// </summary>
internal interface IDataWord
{
    static abstract int Size { get; }

    static abstract double Read(ReadOnlySpan<byte> source);

    /// <summary>Decodes <c>destination.Length</c> consecutive words.</summary>
    static abstract void Decode(ReadOnlySpan<byte> source, Span<double> destination);
}

internal static class WordDecoding
{
    public static void OneByOne<TWord>(ReadOnlySpan<byte> source, Span<double> destination)
        where TWord : struct, IDataWord
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = TWord.Read(source[(i * TWord.Size)..]);
        }
    }

    /// <summary>Little-endian words on a little-endian host are read in place, with no per-word byte handling.</summary>
    public static void Native<T, TWord>(ReadOnlySpan<byte> source, Span<double> destination)
        where T : unmanaged, INumberBase<T>
        where TWord : struct, IDataWord
    {
        if (!BitConverter.IsLittleEndian)
        {
            OneByOne<TWord>(source, destination);
            return;
        }

        var words = MemoryMarshal.Cast<byte, T>(source)[..destination.Length];
        for (var i = 0; i < words.Length; i++)
        {
            destination[i] = double.CreateTruncating(words[i]);
        }
    }
}

internal readonly struct LittleInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt16LittleEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.Native<short, LittleInt16>(source, destination);
}

internal readonly struct BigInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadInt16BigEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.OneByOne<BigInt16>(source, destination);
}

internal readonly struct LittleUInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16LittleEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.Native<ushort, LittleUInt16>(source, destination);
}

internal readonly struct BigUInt16 : IDataWord
{
    public static int Size => 2;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16BigEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.OneByOne<BigUInt16>(source, destination);
}

internal readonly struct LittleSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadSingleLittleEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.Native<float, LittleSingle>(source, destination);
}

internal readonly struct BigSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadSingleBigEndian(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.OneByOne<BigSingle>(source, destination);
}

internal readonly struct DecSingle : IDataWord
{
    public static int Size => 4;

    public static double Read(ReadOnlySpan<byte> source) => VaxFloat.Read(source);

    public static void Decode(ReadOnlySpan<byte> source, Span<double> destination) =>
        WordDecoding.OneByOne<DecSingle>(source, destination);
}
