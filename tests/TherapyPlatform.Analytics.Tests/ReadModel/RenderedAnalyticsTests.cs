using System.Text.Json;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Tests.Support;
using TherapyPlatform.Emg.Analysis;

namespace TherapyPlatform.Analytics.Tests.ReadModel;

public sealed class RenderedAnalyticsTests
{
    [Fact]
    public void The_body_has_the_session_fields_the_metadata_and_the_analysis_under_its_report_names()
    {
        var entry = AnalyticsEntry.From(Analyses.Session(), Analyses.TwoMuscles.Value);

        using var body = JsonDocument.Parse(entry.Analytics.Json);
        var root = body.RootElement;
        Assert.Equal(["sessionId", "requestNumber", "fileHash", "fileName", "patientCode", "analyzedAt", "metadata", "analysis"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("P042", root.GetProperty("patientCode").GetString());
        Assert.Equal(4, root.GetProperty("metadata").GetProperty("channels").GetArrayLength());
        var analysis = root.GetProperty("analysis");
        Assert.True(analysis.GetProperty("file_facts").TryGetProperty("samples_per_channel", out _));
        Assert.True(analysis.GetProperty("channels").GetProperty("CH1").TryGetProperty("fatigue_index_fi_nsm5", out _));
        Assert.True(analysis.TryGetProperty("scores", out _));
    }

    [Fact]
    public void The_same_analysis_after_a_json_round_trip_renders_the_same_bytes_and_etag()
    {
        // The cache writer renders from the stored event, a miss from the stored view: both are JSON round trips.
        var view = Analyses.TwoMuscles.Value;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = JsonSerializer.Deserialize<SessionAnalyticsView>(JsonSerializer.Serialize(view, options), options)!;

        var direct = AnalyticsEntry.From(Analyses.Session(), view).Analytics;
        var roundTripped = AnalyticsEntry.From(Analyses.Session(), stored).Analytics;

        Assert.Equal(direct.Json, roundTripped.Json);
        Assert.Equal(direct.ETag, roundTripped.ETag);
    }

    [Fact]
    public void Another_request_number_gives_another_etag()
    {
        var first = AnalyticsEntry.From(Analyses.Session(), Analyses.View(1)).Analytics;
        var second = AnalyticsEntry.From(Analyses.Session(), Analyses.View(2)).Analytics;

        Assert.StartsWith("\"1-", first.ETag);
        Assert.StartsWith("\"2-", second.ETag);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public void The_analysis_part_equals_the_emg_librarys_report()
    {
        var view = Analyses.TwoMuscles.Value;

        using var body = JsonDocument.Parse(AnalyticsEntry.From(Analyses.Session(), view).Analytics.Json);

        var expected = JsonDocument.Parse(EmgJson.Serialize(view.Analysis)).RootElement;
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(body.RootElement.GetProperty("analysis")));
    }
}
