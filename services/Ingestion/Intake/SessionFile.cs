using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>A file offered for intake, with what came with it.</summary>
/// <param name="FileName">The file's name for display only: never used as a path.</param>
public sealed record SessionFile(
    ReadOnlyMemory<byte> Content,
    string FileName,
    string? PatientCode,
    SessionSettings Settings,
    SessionSource Source);
