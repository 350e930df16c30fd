namespace TherapyPlatform.C3d;

/// <summary>
/// What the GHOSTLY game writes into INFO and SUBJECTS. <see cref="DurationSeconds"/> is the writer's wall
/// clock (INFO:DURATION); <see cref="RecordedDuration"/> is what the file holds: samples per channel / ANALOG:RATE.
/// </summary>
public sealed record GhostlyMetadata(
    string? GameName,
    string? GameLevel,
    string? GameLevelName,
    string? Version,
    double? DurationSeconds,
    string? TherapistId,
    string? GroupId,
    DateTime? Time,
    string? PlayerName,
    double? GameScore,
    string? MarkerSet,
    TimeSpan RecordedDuration);
