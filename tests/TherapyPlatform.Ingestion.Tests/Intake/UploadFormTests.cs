using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using TherapyPlatform.Ingestion.Intake;

namespace TherapyPlatform.Ingestion.Tests.Intake;

public sealed class UploadFormTests
{
    private const long Limit = 1024 * 1024;

    [Fact]
    public async Task The_file_and_the_fields_are_read_as_sent()
    {
        var file = Bytes(300_000, seed: 1);
        using var content = Form(("file", file, "P042/Ghostly_Emg.c3d"), ("patientCode", "P042"), ("mvc", "CH1=0.0012,CH2=0.0009"));

        using var form = await ReadAsync(content, withLength: true);

        Assert.Equal(file, form.File.ToArray());
        Assert.Equal("P042/Ghostly_Emg.c3d", form.FileName);
        Assert.Equal("P042", form.Fields["patientCode"].ToString());
        Assert.Equal("CH1=0.0012,CH2=0.0009", form.Fields["mvc"].ToString());
    }

    [Fact]
    public async Task A_file_of_unknown_length_is_read_whole()
    {
        var file = Bytes(700_000, seed: 2);
        using var content = Form(("file", file, "a.c3d"));

        using var form = await ReadAsync(content, withLength: false);

        Assert.Equal(file, form.File.ToArray());
    }

    [Fact]
    public async Task A_file_part_without_a_file_name_is_still_the_file()
    {
        var file = Bytes(50_000, seed: 9);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(file), "file" } };

        using var form = await ReadAsync(content, withLength: true);

        Assert.Equal(file, form.File.ToArray());
        Assert.Equal("", form.FileName);
    }

    [Fact]
    public async Task A_form_without_a_file_has_an_empty_one()
    {
        using var content = Form(("patientCode", "P001"));

        using var form = await ReadAsync(content, withLength: true);

        Assert.True(form.File.IsEmpty);
        Assert.Null(form.FileName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_limit_is_too_large(bool withLength)
    {
        using var content = Form(("file", Bytes((int)Limit + 1, seed: 3), "big.c3d"));

        var error = await Assert.ThrowsAsync<UploadFormException>(() => ReadAsync(content, withLength));

        Assert.True(error.TooLarge);
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var file = Bytes((int)Limit, seed: 4);
        using var content = Form(("file", file, "edge.c3d"));

        using var form = await ReadAsync(content, withLength: false);

        Assert.Equal(file.Length, form.File.Length);
    }

    [Fact]
    public async Task Two_files_or_a_file_in_another_field_are_refused_with_a_reason()
    {
        using var two = Form(("file", Bytes(10, 5), "a.c3d"), ("file", Bytes(10, 6), "b.c3d"));
        using var other = Form(("upload", Bytes(10, 7), "a.c3d"));

        var first = await Assert.ThrowsAsync<UploadFormException>(() => ReadAsync(two, withLength: true));
        var second = await Assert.ThrowsAsync<UploadFormException>(() => ReadAsync(other, withLength: true));

        Assert.False(first.TooLarge);
        Assert.Contains("'file'", first.Message, StringComparison.Ordinal);
        Assert.Contains("'file'", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cut_off_body_is_malformed_not_too_large()
    {
        using var content = Form(("file", Bytes(5000, 8), "a.c3d"));
        var body = await content.ReadAsByteArrayAsync();

        var error = await Assert.ThrowsAsync<UploadFormException>(() => UploadForm.ReadAsync(
            Request(body[..(body.Length / 2)], content.Headers.ContentType!.ToString(), withLength: true), Limit, CancellationToken.None));

        Assert.False(error.TooLarge);
        Assert.StartsWith("The multipart body could not be read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public void Only_multipart_form_data_with_a_boundary_is_an_upload(string? contentType)
    {
        Assert.False(UploadForm.IsMultipart(Request([], contentType, withLength: true)));
    }

    private static async Task<UploadForm> ReadAsync(MultipartFormDataContent content, bool withLength)
    {
        var body = await content.ReadAsByteArrayAsync();
        var request = Request(body, content.Headers.ContentType!.ToString(), withLength);
        Assert.True(UploadForm.IsMultipart(request));
        return await UploadForm.ReadAsync(request, Limit, CancellationToken.None);
    }

    private static HttpRequest Request(byte[] body, string? contentType, bool withLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = withLength ? body.Length : null;
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    private static MultipartFormDataContent Form(params (string Name, object Value, string? FileName)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value, fileName) in parts)
        {
            if (value is byte[] bytes)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, name, fileName!);
            }
            else
            {
                form.Add(new StringContent((string)value), name);
            }
        }

        return form;
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields) =>
        Form([.. fields.Select(f => (f.Name, (object)f.Value, (string?)null))]);

    private static MultipartFormDataContent Form(params (string Name, byte[] Value, string FileName)[] files) =>
        Form([.. files.Select(f => (f.Name, (object)f.Value, (string?)f.FileName))]);

    private static MultipartFormDataContent Form((string Name, byte[] Value, string FileName) file, params (string Name, string Value)[] fields) =>
        Form([(file.Name, (object)file.Value, (string?)file.FileName), .. fields.Select(f => (f.Name, (object)f.Value, (string?)null))]);

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
