using System.Diagnostics;
using OpenTelemetry.Trace;

namespace TherapyPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps every trace that a request or a message starts, and drops the traces Marten's async daemon starts on its
/// own every second (high-water mark polls, subscription page loads and their SQL). Those outnumbered the platform's
/// stories in the dashboard's trace list by ten to one. The work a subscription does for an event is not lost: it
/// continues the trace stamped on the event (see <c>TraceHeaders</c>), whose parent decides as usual.
/// </summary>
public sealed class StorySampler : Sampler
{
    private const string DaemonSpanPrefix = "marten.";
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        if (samplingParameters.ParentContext.TraceId != default)
        {
            return samplingParameters.ParentContext.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? Keep : Drop;
        }

        return samplingParameters.Name.StartsWith(DaemonSpanPrefix, StringComparison.Ordinal) ? Drop : Keep;
    }
}
