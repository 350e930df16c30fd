namespace TherapyPlatform.Emg.Contractions;

/// <summary>
/// One detected contraction: samples [StartIdx, EndIdx] (end inclusive for the amplitudes), times in ms
/// from the start of the recording, amplitudes of the (rectified) envelope, and its compliance flags.
/// </summary>
public sealed record Contraction(
    int StartIdx,
    int EndIdx,
    int DurationSamples,
    double StartTimeMs,
    double EndTimeMs,
    double DurationMs,
    double MeanAmplitude,
    double MaxAmplitude,
    bool MeetsMvc,
    bool MeetsDuration,
    bool IsGood);
