using JasperFx.Events;
using Marten;
using TherapyPlatform.Sessions;

namespace TherapyPlatform.Analytics.ReadModel;

/// <summary>
/// The session snapshots behind a page of committed events, loaded in one query: what an event lacks but its
/// session knows for good (file hash, file name, patient code).
/// </summary>
public static class SessionSnapshots
{
    public static async Task<IReadOnlyDictionary<Guid, Session>> LoadAsync(
        IEnumerable<IEvent> events, IQuerySession session, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.StreamId).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return new Dictionary<Guid, Session>();
        }

        var snapshots = await session.LoadManyAsync<Session>(cancellationToken, ids);
        return snapshots.ToDictionary(s => s.Id);
    }
}
