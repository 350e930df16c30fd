namespace TherapyPlatform.C3d;

/// <summary>The processor byte of the parameter header; it fixes byte order and float format.</summary>
public enum C3dProcessor
{
    /// <summary>Little-endian integers, IEEE floats.</summary>
    Intel = 84,

    /// <summary>Little-endian integers, VAX F floats.</summary>
    Dec = 85,

    /// <summary>Big-endian integers and IEEE floats.</summary>
    Mips = 86,
}
