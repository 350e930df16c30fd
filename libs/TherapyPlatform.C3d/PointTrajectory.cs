using System.Numerics;

namespace TherapyPlatform.C3d;

/// <summary>
/// One 3D point over all frames. <see cref="Residuals"/> is the residual word's low byte times |POINT:SCALE|,
/// or -1 where the point is invalid in that frame; <see cref="CameraMasks"/> is its high byte.
/// </summary>
public sealed record PointTrajectory(string Label, Vector3[] Positions, float[] Residuals, byte[] CameraMasks);
