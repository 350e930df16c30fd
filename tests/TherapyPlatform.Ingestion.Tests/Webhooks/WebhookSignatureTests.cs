using System.Text;
using TherapyPlatform.Ingestion.Webhooks;

namespace TherapyPlatform.Ingestion.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "webhook-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"INSERT"}""");

    [Fact]
    public void A_signature_of_the_body_is_valid_with_or_without_its_prefix()
    {
        var header = WebhookSignature.Sign(Body, Secret);

        Assert.StartsWith("sha256=", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Matches(WebhookSignature.Digest(Body, Secret), header));
        Assert.True(WebhookSignature.Matches(WebhookSignature.Digest(Body, Secret), header["sha256=".Length..].ToUpperInvariant()));
    }

    [Fact]
    public void A_signature_with_another_secret_or_of_another_body_is_invalid()
    {
        Assert.False(WebhookSignature.Matches(WebhookSignature.Digest(Body, Secret), WebhookSignature.Sign(Body, "another-secret")));
        Assert.False(WebhookSignature.Matches(WebhookSignature.Digest(Body, Secret), WebhookSignature.Sign("{}"u8, Secret)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("not-hex")]
    [InlineData("sha256=zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_missing_or_malformed_header_is_invalid(string? header)
    {
        Assert.False(WebhookSignature.Matches(WebhookSignature.Digest(Body, Secret), header));
    }

    [Fact]
    public void The_digest_is_what_a_valid_header_carries()
    {
        Assert.Equal(WebhookSignature.Sign(Body, Secret), "sha256=" + Convert.ToHexStringLower(WebhookSignature.Digest(Body, Secret)));
    }
}
