using TherapyPlatform.Analytics.Analysis;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Emg.Settings;
using TherapyPlatform.Sessions;
using TherapyPlatform.Sessions.Events;

namespace TherapyPlatform.Analytics.Tests.Support;

/// <summary>A session and its analysis view for a generated recording.</summary>
public static class Analyses
{
    public const string FileHash = "5f2b8c4e0a1d3f6b7c9e2a4d6f8b0c1e3a5d7f9b1c3e5a7d9f0b2c4e6a8d0f1b";

    public static readonly Lazy<SessionAnalyticsView> TwoMuscles = new(() => View(1));

    public static Session Session() => new()
    {
        Id = SessionIdentity.FromHash(FileHash),
        FileHash = FileHash,
        FileName = "two.c3d",
        PatientCode = "P042",
        Status = SessionStatus.Analyzed,
    };

    public static SessionAnalyticsView View(int requestNumber)
    {
        var analysis = FileAnalysis.Run(RecordingFiles.TwoMuscles(), new SessionSettings(), AnalyticsSettings.Default, "two.c3d").Analysis!;
        return SessionAnalyticsView.From(new SessionAnalyzed(
            SessionIdentity.FromHash(FileHash), requestNumber, analysis, new DateTimeOffset(2026, 3, 4, 10, 5, 56, 123, TimeSpan.Zero)));
    }
}
