using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TherapyPlatform.Ingestion.Intake;

/// <summary>
/// A multipart upload read straight from the request body: its text fields, and the <c>file</c> part in one pooled
/// buffer. The framework's form reader buffered the file in a growing stream that the endpoint then copied out,
/// about 0.5 MB of large-object-heap arrays per 190 KB upload, collected by frequent full GCs while uploads
/// were being acknowledged. Dispose returns the buffer: only once the intake is done with <see cref="File"/>.
/// </summary>
public sealed class UploadForm : IDisposable
{
    public const string FileField = "file";
    private const int FieldCountLimit = 64;
    private const int FieldLengthLimit = 16 * 1024;
    private const int InitialFileBuffer = 256 * 1024;

    private byte[]? buffer;
    private int length;

    private UploadForm(FormCollection fields) => Fields = fields;

    public FormCollection Fields { get; }

    /// <summary>The file part's name as the client gave it, or null when the form had no file part.</summary>
    public string? FileName { get; private set; }

    public ReadOnlyMemory<byte> File => buffer is null ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(0, length);

    /// <summary>True when the request says it is multipart/form-data with a boundary.</summary>
    public static bool IsMultipart(HttpRequest request) => Boundary(request) is not null;

    /// <exception cref="UploadFormException">The body is not a well-formed form, or its file is over the limit.</exception>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, long maxFileBytes, CancellationToken cancellationToken)
    {
        var boundary = Boundary(request) ?? throw new UploadFormException("The request is not multipart/form-data.", tooLarge: false);
        // No per-part limit here: the file and field reads below enforce their own, Kestrel the body's.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        var form = new UploadForm(new FormCollection(fields));
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    throw new UploadFormException("A part of the form has no form-data Content-Disposition.", tooLarge: false);
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                // The 'file' part is the file even when a client sends it without a file name.
                if (disposition.IsFileDisposition() || name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                {
                    if (form.buffer is not null || !name.Equals(FileField, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new UploadFormException($"Send one file, in the '{FileField}' field.", tooLarge: false);
                    }

                    form.FileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    await form.ReadFileAsync(section.Body, request.ContentLength, maxFileBytes, cancellationToken);
                }
                else
                {
                    if (fields.Count >= FieldCountLimit)
                    {
                        throw new UploadFormException($"The form has more than {FieldCountLimit} fields.", tooLarge: false);
                    }

                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), await ReadFieldAsync(section, name, cancellationToken));
                }
            }

            return form;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            form.Dispose();
            throw new UploadFormException(
                $"The multipart body could not be read: {ex.Message}",
                tooLarge: ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge });
        }
        catch
        {
            form.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private static string? Boundary(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary);
        return StringSegment.IsNullOrEmpty(boundary) ? null : boundary.Value;
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(FieldLengthLimit + 1);
        try
        {
            var read = 0;
            int chunk;
            while (read <= FieldLengthLimit && (chunk = await section.Body.ReadAsync(bytes.AsMemory(read, FieldLengthLimit + 1 - read), cancellationToken)) > 0)
            {
                read += chunk;
            }

            return read > FieldLengthLimit
                ? throw new UploadFormException($"The field '{name}' is longer than {FieldLengthLimit} bytes.", tooLarge: false)
                : Encoding.UTF8.GetString(bytes, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Reads the file part into a pooled buffer: the request's length when it is known, grown otherwise.</summary>
    private async Task ReadFileAsync(Stream body, long? requestLength, long maxFileBytes, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(maxFileBytes, Array.MaxLength - 1);
        buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(requestLength ?? InitialFileBuffer, limit + 1L));
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    break;
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > limit)
        {
            throw new UploadFormException($"Session files are limited to {maxFileBytes} bytes.", tooLarge: true);
        }
    }
}

/// <summary>Why an upload's form could not be read; <see cref="TooLarge"/> when its file is over the limit.</summary>
public sealed class UploadFormException(string message, bool tooLarge) : Exception(message)
{
    public bool TooLarge { get; } = tooLarge;
}
