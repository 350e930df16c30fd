namespace TherapyPlatform.Emg.Mvc;

/// <summary>
/// The amplitude a contraction must reach to count as MVC-compliant, and where it came from.
/// <see cref="EstimatedMvcP95"/> is the 95th percentile of the envelope whenever an envelope exists.
/// </summary>
public sealed record MvcThreshold(
    string Method,
    double? MvcValue,
    double? EstimatedMvcP95,
    double ThresholdPercentage,
    double? Threshold)
{
    public const string ChannelMethod = "channel_mvc";
    public const string SessionMethod = "session_mvc";
    public const string EstimatedMethod = "backend_estimation";
    public const string UnavailableMethod = "unavailable";

    /// <summary>
    /// The channel's MVC wins, then the session-wide MVC, then the envelope's 95th percentile; the chosen
    /// value times <paramref name="thresholdPercentage"/> %. Without any (gated channel, no MVC given) there is no threshold.
    /// </summary>
    public static MvcThreshold Resolve(
        double? channelMvc,
        double? sessionMvc,
        double thresholdPercentage,
        ReadOnlySpan<double> envelope)
    {
        double? p95 = envelope.IsEmpty ? null : Percentile.Linear(envelope, 95);
        var (method, value) = (channelMvc, sessionMvc, p95) switch
        {
            ({ } channel, _, _) => (ChannelMethod, (double?)channel),
            (null, { } session, _) => (SessionMethod, session),
            (null, null, { } estimated) => (EstimatedMethod, estimated),
            _ => (UnavailableMethod, null),
        };

        return new MvcThreshold(method, value, p95, thresholdPercentage, value * (thresholdPercentage / 100.0));
    }
}
