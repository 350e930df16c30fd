using TherapyPlatform.Signals.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TherapyPlatform.Signals.Configuration;
using TherapyPlatform.Signals.Formats;

namespace TherapyPlatform.Signals.Series;

/// <summary>
/// <c>GET /api/sessions/{id}/signals/{channel}?kind=&amp;from=&amp;to=&amp;maxPoints=&amp;format=</c>: one channel's series,
/// windowed and downsampled, as JSON, float32 pairs (<c>Accept: application/octet-stream</c>) or CSV (<c>?format=csv</c>).
/// </summary>
internal static class SeriesApi
{
    public static RouteGroupBuilder MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapSessionSignalsGroup();
        group.MapGet("/{channel}", GetAsync).WithName("GetSignalSeries");
        return group;
    }

    /// <remarks>Query values are taken as text so a malformed one gets a 400 naming it, not the framework's bare 400.</remarks>
    internal static async Task<Results<SeriesResult, ProblemHttpResult>> GetAsync(
        string id,
        string channel,
        string? kind,
        string? from,
        string? to,
        string? maxPoints,
        string? format,
        HttpRequest request,
        SeriesService series,
        IOptions<SignalsOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (!SessionIds.TryParse(id, out var sessionId, out var invalid))
        {
            return invalid.ToResult();
        }

        var errors = new List<string>();
        SeriesQuery.TryParse(kind, from, to, maxPoints, options.Value.Limits, out var query, out var queryErrors);
        errors.AddRange(queryErrors);
        if (!SeriesFormats.TryChoose(format, request.GetTypedHeaders().Accept, out var chosen, out var formatError))
        {
            errors.Add(formatError!);
        }

        if (errors.Count > 0)
        {
            return SignalsProblem.BadRequest(string.Join(" ", errors)).ToResult();
        }

        var (served, problem) = await series.GetAsync(sessionId, channel, query, cancellationToken);
        return served is null ? problem!.ToResult() : new SeriesResult(served, chosen);
    }
}
