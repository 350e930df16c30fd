using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Analysis;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Analytics.Analysis;

/// <summary>The analysis of a session file, or the reason it cannot be analysed.</summary>
public sealed record FileAnalysisResult(SessionAnalysis? Analysis, string? FailureReason)
{
    public static FileAnalysisResult Failed(string reason) => new(null, reason);
}

/// <summary>
/// Runs the C3D reader and the EMG analyzer on a stored file. Failures that another attempt would only repeat
/// (an unreadable file, invalid settings, nothing to analyse) become a reason for the therapist; anything else is
/// left to propagate, so the message is retried.
/// </summary>
public static class FileAnalysis
{
    public static FileAnalysisResult Run(ReadOnlySpan<byte> content, SessionSettings settings, AnalyticsSettings defaults, string fileName)
    {
        C3dFile file;
        try
        {
            file = C3dFile.Read(content);
        }
        catch (C3dFormatException ex)
        {
            return FileAnalysisResult.Failed($"The file is not a readable C3D file: {ex.Message}");
        }

        if (file.Analogs.Count == 0)
        {
            return FileAnalysisResult.Failed("The file has no analog (EMG) channels to analyse.");
        }

        SessionAnalysis analysis;
        try
        {
            analysis = EmgAnalyzer.Analyze(file, settings, defaults, fileName);
        }
        catch (ArgumentException ex)
        {
            return FileAnalysisResult.Failed($"The session cannot be analysed with its settings: {ex.Message}");
        }

        if (analysis.Channels.Count == 0)
        {
            return FileAnalysisResult.Failed("The file has no muscle channels to analyse.");
        }

        return HasOnlyFiniteNumbers(analysis)
            ? new FileAnalysisResult(analysis, null)
            : FileAnalysisResult.Failed("The recording's samples give values that are not finite numbers (NaN or infinity): the file is damaged.");
    }

    /// <summary>
    /// The analytics are served as the EMG library's JSON, which has no NaN or infinity: an analysis holding one (a
    /// NaN or infinite sample in a damaged recording) could be stored but never shown.
    /// </summary>
    private static bool HasOnlyFiniteNumbers(SessionAnalysis analysis)
    {
        try
        {
            _ = EmgJson.Serialize(analysis);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
