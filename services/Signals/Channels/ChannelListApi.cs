using TherapyPlatform.Signals.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using TherapyPlatform.Signals.Metadata;
using TherapyPlatform.Signals.Recordings;

namespace TherapyPlatform.Signals.Channels;

/// <summary><c>GET /api/sessions/{id}/signals</c>: a session's channels, from cached metadata (no file is analysed for it).</summary>
internal static class ChannelListApi
{
    public static RouteGroupBuilder MapChannelListApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapSessionSignalsGroup();
        group.MapGet("/", ListAsync).WithName("ListSignals");
        return group;
    }

    internal static async Task<Results<Ok<ChannelListResponse>, ProblemHttpResult>> ListAsync(
        string id, SessionMetadataStore metadataStore, EnvelopeCalculator envelopes, CancellationToken cancellationToken)
    {
        if (!SessionIds.TryParse(id, out var sessionId, out var invalid))
        {
            return invalid.ToResult();
        }

        var (metadata, problem) = await metadataStore.GetAsync(sessionId, cancellationToken);
        return metadata is null
            ? problem!.ToResult()
            : TypedResults.Ok(ChannelListResponse.From(metadata, envelopes.IsAvailable(metadata.AnalogRate, metadata.SamplesPerChannel)));
    }
}
