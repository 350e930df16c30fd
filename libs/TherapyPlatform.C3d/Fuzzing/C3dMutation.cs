namespace TherapyPlatform.C3d.Fuzzing;

/// <summary>One mutated file: a stable name (seed file, index, kind) and its bytes.</summary>
public sealed record C3dMutation(string Name, byte[] Bytes);
