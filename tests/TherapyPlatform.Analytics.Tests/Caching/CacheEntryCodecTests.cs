using System.Text;
using TherapyPlatform.Analytics.Caching;
using TherapyPlatform.Analytics.ReadModel;
using TherapyPlatform.Analytics.Tests.Support;

namespace TherapyPlatform.Analytics.Tests.Caching;

public sealed class CacheEntryCodecTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_entry_decodes_to_the_document_it_was_made_from(bool compress)
    {
        var analytics = AnalyticsEntry.From(Analyses.Session(), Analyses.View(7)).Analytics;

        var decoded = CacheEntryCodec.Decode(analytics.SessionId, CacheEntryCodec.Encode(analytics, compress));

        Assert.NotNull(decoded);
        Assert.Equal(analytics.Json, decoded.Json);
        Assert.Equal((analytics.SessionId, 7, analytics.ETag, "P042"), (decoded.SessionId, decoded.RequestNumber, decoded.ETag, decoded.PatientCode));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("P 042/ä")]
    public void The_patient_code_survives_whatever_its_characters(string? patientCode)
    {
        var analytics = AnalyticsEntry.From(Analyses.Session(), Analyses.View(1)).Analytics with { PatientCode = patientCode };

        var decoded = CacheEntryCodec.Decode(analytics.SessionId, CacheEntryCodec.Encode(analytics, compress: true));

        Assert.Equal(patientCode, decoded!.PatientCode);
    }

    [Fact]
    public void The_header_starts_with_the_request_number_the_write_script_compares()
    {
        var analytics = AnalyticsEntry.From(Analyses.Session(), Analyses.View(12)).Analytics;

        var entry = CacheEntryCodec.Encode(analytics, compress: true);

        Assert.StartsWith("v1 12 br ", Encoding.ASCII.GetString(entry, 0, 16));
    }

    [Fact]
    public void Compression_stores_a_fraction_of_the_json()
    {
        var analytics = AnalyticsEntry.From(Analyses.Session(), Analyses.TwoMuscles.Value).Analytics;

        var compressed = CacheEntryCodec.Encode(analytics, compress: true);

        Assert.True(compressed.Length * 3 < analytics.Json.Length, $"{compressed.Length} of {analytics.Json.Length} bytes");
    }

    [Theory]
    [InlineData("")]
    [InlineData("no header line")]
    [InlineData("v0 1 id 2 \"e\" -\n{}")]
    [InlineData("v1 1 zz 2 \"e\" -\n{}")]
    [InlineData("v1 1 id 5 \"e\" -\n{}")]
    [InlineData("v1 1 br 2 \"e\" -\n{}")]
    [InlineData("v1 1 id 2 \"e\"\n{}")]
    public void Anything_else_is_not_an_entry(string stored)
    {
        Assert.Null(CacheEntryCodec.Decode(Guid.NewGuid(), Encoding.ASCII.GetBytes(stored)));
    }
}
