using System.Net.Http.Json;
using System.Text.Json;
using TherapyPlatform.TestSupport;

namespace TherapyPlatform.IntegrationTests.Pipeline;

/// <summary>Ingestion's session API as the tests use it.</summary>
public static class SessionsClient
{
    public static readonly TimeSpan AnalysisTimeout = TimeSpan.FromSeconds(60);

    public static async Task<HttpResponseMessage> UploadAsync(
        HttpClient ingestion, byte[] content, string fileName = "Ghostly_Emg_20250310_11-46-23-0823.c3d",
        IReadOnlyDictionary<string, string>? fields = null, string contentType = "application/octet-stream")
    {
        using var form = SessionUploads.Form(content, fileName, contentType);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        // As curl does for large bodies: the server can refuse (401, 413) before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions") { Content = form };
        request.Headers.ExpectContinue = true;
        return await ingestion.SendAsync(request);
    }

    public static async Task<Guid> SessionIdOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("sessionId").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient ingestion, Guid sessionId) =>
        await ingestion.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}");

    /// <summary>Polls the session until it is Analyzed or Failed, within <see cref="AnalysisTimeout"/>.</summary>
    public static async Task<JsonElement> WaitUntilDoneAsync(HttpClient ingestion, Guid sessionId)
    {
        using var timeout = new CancellationTokenSource(AnalysisTimeout);
        while (true)
        {
            var session = await GetAsync(ingestion, sessionId);
            if (session.GetProperty("status").GetString() is "Analyzed" or "Failed")
            {
                return session;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public static IEnumerable<string> EventNames(JsonElement session) =>
        session.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event").GetString()!);
}
