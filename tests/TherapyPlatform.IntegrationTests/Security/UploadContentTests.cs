using System.Net;
using TherapyPlatform.C3d;
using TherapyPlatform.IntegrationTests.Infrastructure;
using TherapyPlatform.IntegrationTests.Pipeline;
using TherapyPlatform.Sessions;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Security;

/// <summary>
/// A file is judged by its content, never by its name or declared type, and its name is never a path: files are
/// stored by their SHA-256 (a non-C3D file named <c>.c3d</c> is refused by <c>UploadPipelineTests</c>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UploadContentTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_C3D_file_named_and_typed_as_text_is_accepted_by_its_content()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 707, seconds: 4);

        using var response = await SessionsClient.UploadAsync(ingestion, content, fileName: "session-notes.txt", contentType: "text/plain");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var session = await SessionsClient.GetAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal("session-notes.txt", session.GetProperty("fileName").GetString());
        Assert.Equal(SessionIdentity.HashOf(content), session.GetProperty("fileHash").GetString());
    }

    [Fact]
    public async Task A_file_name_with_path_segments_is_kept_only_as_a_bare_display_name()
    {
        using var ingestion = platform.CreateClient("ingestion");
        var content = GhostlyFiles.Create(seed: 708, seconds: 4);
        var bareName = $"escape-{Guid.NewGuid():N}.c3d";

        using var response = await SessionsClient.UploadAsync(ingestion, content, fileName: $"../../../../tmp/{bareName}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var session = await SessionsClient.GetAsync(ingestion, await SessionsClient.SessionIdOf(response));
        Assert.Equal(bareName, session.GetProperty("fileName").GetString());
        Assert.Equal(SessionIdentity.HashOf(content), session.GetProperty("fileHash").GetString());
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), bareName)));
    }
}
