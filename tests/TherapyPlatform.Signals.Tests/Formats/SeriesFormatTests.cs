using Microsoft.Net.Http.Headers;
using TherapyPlatform.Signals.Formats;

namespace TherapyPlatform.Signals.Tests.Formats;

public sealed class SeriesFormatTests
{
    [Theory]
    [InlineData(null, "Json")]
    [InlineData("*/*", "Json")]
    [InlineData("text/html, application/xhtml+xml, */*;q=0.8", "Json")]
    [InlineData("application/octet-stream", "OctetStream")]
    [InlineData("application/json;q=0.5, application/octet-stream", "OctetStream")]
    [InlineData("application/octet-stream;q=0.2, application/json", "Json")]
    [InlineData("text/csv; charset=utf-8", "Csv")]
    public void The_accept_header_picks_the_most_preferred_supported_format(string? accept, string expected)
    {
        Assert.True(SeriesFormats.TryChoose(null, Parse(accept), out var format, out _));

        Assert.Equal(Enum.Parse<SeriesFormat>(expected), format);
    }

    [Theory]
    [InlineData("csv", "Csv")]
    [InlineData("CSV", "Csv")]
    [InlineData("json", "Json")]
    [InlineData("octet-stream", "OctetStream")]
    public void The_format_parameter_wins_over_the_accept_header(string parameter, string expected)
    {
        Assert.True(SeriesFormats.TryChoose(parameter, Parse("application/octet-stream"), out var format, out _));

        Assert.Equal(Enum.Parse<SeriesFormat>(expected), format);
    }

    [Fact]
    public void An_unknown_format_parameter_is_refused_with_the_known_ones()
    {
        Assert.False(SeriesFormats.TryChoose("xml", [], out _, out var error));

        Assert.Equal("format must be one of json, csv, octet-stream (got 'xml').", error);
    }

    private static List<MediaTypeHeaderValue> Parse(string? accept) =>
        accept is null ? [] : MediaTypeHeaderValue.ParseList([accept]).ToList();
}
