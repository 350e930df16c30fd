using System.Diagnostics;
using System.Globalization;
using TherapyPlatform.Bench.Hosting;

namespace TherapyPlatform.Bench.SignalsLoad;

/// <summary>Client-side latencies of one scenario (request sent to body read), and nearest-rank percentiles.</summary>
internal sealed class Latencies(string scenario, double targetP95Ms)
{
    private readonly List<double> milliseconds = [];

    public string Scenario => scenario;

    public async Task MeasureAsync(HttpClient client, string path, string expectedLayer)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        var layer = response.Headers.GetValues("X-Cache-Layer").Single();
        if (layer != expectedLayer)
        {
            throw new InvalidOperationException($"{scenario}: {path} came from '{layer}', not '{expectedLayer}'");
        }

        milliseconds.Add(elapsed);
    }

    public double Percentile(double p) => Percentiles.Of(milliseconds, p);

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {scenario} | {milliseconds.Count} | {Percentile(0.5):F2} | {Percentile(0.95):F2} | {Percentile(0.99):F2} | {milliseconds.Max():F2} | {targetP95Ms} | {(Percentile(0.95) <= targetP95Ms ? "yes" : "NO")} |");
}
