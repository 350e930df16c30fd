using System.Buffers.Binary;

namespace TherapyPlatform.C3d;

/// <summary>
/// VAX F floats as DEC C3D files store them: the 16-bit halves are swapped relative to little-endian IEEE and
/// the exponent is biased by 2 more (the value is a quarter of the IEEE reading); a zero exponent means 0.
/// </summary>
internal static class VaxFloat
{
    private const int ExponentShift = 23;
    private const int ExponentMask = 0xFF;

    public static float Read(ReadOnlySpan<byte> source)
    {
        var bits = (uint)(source[2] | (source[3] << 8) | (source[0] << 16) | (source[1] << 24));
        var exponent = (int)(bits >> ExponentShift) & ExponentMask;
        if (exponent == 0)
        {
            return 0f;
        }

        if (exponent > 2)
        {
            // Subtracting 2 from the exponent divides by 4 exactly and keeps exponent 255 finite.
            return BitConverter.UInt32BitsToSingle(bits - (2u << ExponentShift));
        }

        // Exponents 1 and 2 become IEEE subnormals.
        var magnitude = Math.ScaleB(1.0 + (bits & 0x7FFFFF) / 8388608.0, exponent - 129);
        return (float)((bits & 0x80000000u) != 0 ? -magnitude : magnitude);
    }

    public static void Write(Span<byte> destination, float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        var exponent = (int)(bits >> ExponentShift) & ExponentMask;
        if (exponent > ExponentMask - 2)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "not representable as a DEC (VAX) float");
        }

        if (exponent == 0)
        {
            // VAX has no subnormals: they (and zero) are written as zero.
            bits = 0;
        }
        else
        {
            bits += 2u << ExponentShift;
        }

        Span<byte> ieee = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(ieee, bits);
        destination[0] = ieee[2];
        destination[1] = ieee[3];
        destination[2] = ieee[0];
        destination[3] = ieee[1];
    }
}
