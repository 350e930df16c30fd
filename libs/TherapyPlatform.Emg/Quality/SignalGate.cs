using System.Globalization;
using TherapyPlatform.Emg.Amplitude;
using TherapyPlatform.Emg.Settings;

namespace TherapyPlatform.Emg.Quality;

/// <summary>Whether a channel may go through envelope and contraction analysis, and why not.</summary>
public sealed record SignalQuality(bool IsValid, string Message)
{
    public const string OkMessage = "ok";
}

/// <summary>
/// The signal gate: too few samples, a recording shorter or longer than the clinical limits, a flat
/// signal, or any NaN/infinity skips envelope and contractions (amplitude and spectral metrics are
/// still reported). Checked in that order, as the reference does.
/// </summary>
public static class SignalGate
{
    public static SignalQuality Check(ReadOnlySpan<double> signal, double samplingRate, SignalGateSettings? settings = null)
    {
        settings ??= new SignalGateSettings();
        var n = signal.Length;
        var duration = n / samplingRate;
        if (n < settings.MinSamples)
        {
            return Invalid($"signal too short: {n} samples ({Format(duration)} s at {Format(samplingRate)} Hz), at least {settings.MinSamples} needed");
        }

        if (duration < settings.MinDurationSeconds)
        {
            return Invalid($"recording too short: {Format(duration)} s, at least {Format(settings.MinDurationSeconds)} s needed");
        }

        if (duration > settings.MaxDurationSeconds)
        {
            return Invalid($"recording too long: {Format(duration)} s, at most {Format(settings.MaxDurationSeconds)} s analysed");
        }

        var std = SignalStatistics.PopulationStd(signal);
        if (std < settings.MinStandardDeviation)
        {
            return Invalid($"flat signal: standard deviation {Format(std)} below {Format(settings.MinStandardDeviation)}");
        }

        foreach (var v in signal)
        {
            if (!double.IsFinite(v))
            {
                return Invalid("signal contains NaN or infinite values");
            }
        }

        return new SignalQuality(true, SignalQuality.OkMessage);
    }

    private static SignalQuality Invalid(string message) => new(false, message);

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
