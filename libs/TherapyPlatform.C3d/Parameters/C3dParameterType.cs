using System.Diagnostics.CodeAnalysis;

namespace TherapyPlatform.C3d;

/// <summary>Element type of a parameter; the value is the signed type byte of the record.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The names are the C3D element types of the agreed API.")]
public enum C3dParameterType
{
    Char = -1,
    Byte = 1,
    Int16 = 2,
    Float = 4,
}
