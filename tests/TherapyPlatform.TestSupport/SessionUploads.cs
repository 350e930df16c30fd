using System.Net.Http.Headers;

namespace TherapyPlatform.TestSupport;

/// <summary>What tests and load consoles send to <c>POST /api/sessions</c>.</summary>
public static class SessionUploads
{
    /// <summary>A multipart upload with the file in its <c>file</c> part; add settings fields to it as needed.</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>A copy of a session file with a 512-byte block and a random tail after its data: another session (hash), the same analysis.</summary>
    public static byte[] UniqueCopy(byte[] content) => [.. content, .. new byte[512], .. Guid.NewGuid().ToByteArray()];
}
