using TherapyPlatform.C3d;
using TherapyPlatform.Emg.Channels;
using TherapyPlatform.Emg.Contractions;
using TherapyPlatform.Emg.Scoring;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Analysis;

/// <summary>Entry point: the full analytics of a C3D session file.</summary>
public static class EmgAnalyzer
{
    /// <summary>
    /// Analyses every muscle of <paramref name="file"/> and scores the session. Session settings come from
    /// <paramref name="requestSettings"/>, else the file's THERAPY group, else <paramref name="defaults"/>;
    /// the game points fall back to the GHOSTLY game score.
    /// </summary>
    public static SessionAnalysis Analyze(
        C3dFile file,
        SessionSettings? requestSettings = null,
        AnalyticsSettings? defaults = null,
        string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        defaults ??= AnalyticsSettings.Default;
        var fromFile = TherapyParameterGroup.Read(file.Parameters) ?? new SessionSettings();
        if (fromFile.GamePoints is null && file.Ghostly?.GameScore is { } gameScore)
        {
            fromFile = fromFile with { GamePoints = gameScore };
        }

        var session = ResolvedSessionSettings.Resolve(requestSettings, fromFile, defaults.Session);
        var muscles = ChannelDiscovery.Discover(file.Analogs.Select(a => a.Label));
        var channels = new Dictionary<string, ChannelAnalysis>(StringComparer.OrdinalIgnoreCase);
        if (muscles.Count > 0)
        {
            if (!(file.AnalogRate > 0))
            {
                throw new ArgumentException("The file has analog channels but no analog rate.", nameof(file));
            }

            var inputs = muscles.Select(muscle => new ChannelInput(
                file.FindAnalog(muscle.RawLabel)!.Samples,
                muscle.ActivatedLabel is null ? ReadOnlyMemory<double>.Empty : file.FindAnalog(muscle.ActivatedLabel)!.Samples,
                new ChannelRequest(
                    muscle.RawLabel,
                    muscle.ActivatedLabel,
                    session.MvcFor(muscle.Base),
                    session.SessionMvc,
                    session.MvcThresholdPercent,
                    session.DurationThresholdMs))).ToList();
            var results = new ChannelAnalyzer(file.AnalogRate, defaults).AnalyzeAll(inputs);
            for (var i = 0; i < muscles.Count; i++)
            {
                channels[muscles[i].Base] = results[i];
            }
        }

        var scored = muscles.Select(m => (m.Base, (ContractionAnalysis)channels[m.Base])).ToList();
        return new SessionAnalysis
        {
            FileFacts = Facts(file, fileName),
            Channels = channels,
            Scores = ScoreCalculator.Compute(scored, session, defaults.Scoring),
        };
    }

    private static FileFacts Facts(C3dFile file, string? fileName)
    {
        var samples = file.Analogs.Count > 0 ? file.Analogs[0].Samples.Length : 0;
        var pointFrames = file.Parameters.Find("POINT", "FRAMES");
        return new FileFacts
        {
            File = fileName,
            PointFrames = pointFrames is { Count: > 0, Type: not C3dParameterType.Char } ? FrameCount(pointFrames.GetNumber()) : null,
            HeaderFirstFrame = file.HeaderFirstFrame,
            HeaderLastFrame = file.HeaderLastFrame,
            FramesRead = file.Frames,
            PointRate = file.PointRate,
            AnalogRate = file.AnalogRate,
            AnalogSamplesPerFrame = file.AnalogSamplesPerFrame,
            AnalogChannels = file.Analogs.Count,
            SamplesPerChannel = samples,
            DurationS = file.AnalogRate > 0 ? samples / file.AnalogRate : 0,
            ChannelLabels = file.Analogs.Select(a => a.Label).ToList(),
        };
    }

    /// <summary>POINT:FRAMES is an int16 that writers use as unsigned beyond 32767 frames.</summary>
    private static int FrameCount(double value) => value < 0 ? (int)value + 65536 : (int)value;
}
