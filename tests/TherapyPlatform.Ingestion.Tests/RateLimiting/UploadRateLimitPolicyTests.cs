using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TherapyPlatform.Ingestion.RateLimiting;

namespace TherapyPlatform.Ingestion.Tests.RateLimiting;

public sealed class UploadRateLimitPolicyTests
{
    [Fact]
    public void Clients_are_told_apart_by_their_subject_then_by_their_address()
    {
        Assert.Equal("user:therapist-7", UploadRateLimitPolicy.ClientOf(Request(new Claim("sub", "therapist-7"))));
        Assert.Equal("user:therapist-8", UploadRateLimitPolicy.ClientOf(Request(new Claim(ClaimTypes.NameIdentifier, "therapist-8"))));
        Assert.Equal("address:192.0.2.10", UploadRateLimitPolicy.ClientOf(Request()));
    }

    [Fact]
    public void By_default_a_client_gets_a_burst_of_ten_then_one_upload_every_two_seconds()
    {
        var bucket = Options().ToTokenBucket();

        Assert.Equal(10, bucket.TokenLimit);
        Assert.Equal(1, bucket.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), bucket.ReplenishmentPeriod);
        Assert.Equal(0, bucket.QueueLimit);
    }

    [Fact]
    public void A_therapist_is_refused_past_the_burst_with_the_time_until_the_next_token()
    {
        var policy = new UploadRateLimitPolicy(Microsoft.Extensions.Options.Options.Create(Options()));
        var partition = policy.GetPartition(Request(new Claim("sub", "therapist-7"), new Claim(ClaimTypes.Role, "therapist")));
        Assert.Equal("user:therapist-7", partition.PartitionKey);
        var bucket = Options().ToTokenBucket();
        bucket.AutoReplenishment = false; // no token comes back while the test runs, however slow the machine
        using var limiter = new TokenBucketRateLimiter(bucket);

        var granted = Enumerable.Range(0, 10).Select(_ => limiter.AttemptAcquire()).ToList();
        using var refused = limiter.AttemptAcquire();

        Assert.All(granted, lease => Assert.True(lease.IsAcquired));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
        granted.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public void Admins_are_exempt_by_default_and_others_are_not()
    {
        var options = Options();

        Assert.True(options.IsExempt(User("admin")));
        Assert.False(options.IsExempt(User("therapist")));
        Assert.False(options.IsExempt(new ClaimsPrincipal(new ClaimsIdentity())));
        var policy = new UploadRateLimitPolicy(Microsoft.Extensions.Options.Options.Create(options));
        Assert.Equal("exempt", policy.GetPartition(Request(new Claim("sub", "ops"), new Claim(ClaimTypes.Role, "admin"))).PartitionKey);
    }

    [Fact]
    public void Configured_exempt_roles_replace_the_default_and_an_empty_entry_exempts_no_one()
    {
        var operators = Options(new() { ["Ingestion:UploadRateLimit:ExemptRoles:0"] = "researcher" });
        var none = Options(new() { ["Ingestion:UploadRateLimit:ExemptRoles:0"] = "" });

        Assert.True(operators.IsExempt(User("researcher")));
        Assert.False(operators.IsExempt(User("admin")));
        Assert.False(none.IsExempt(User("admin")));
    }

    [Theory]
    [InlineData("PermitsPerMinute", "0")]
    [InlineData("PermitsPerMinute", "601")]
    [InlineData("Burst", "0")]
    public void Limits_out_of_range_are_refused(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { [$"Ingestion:UploadRateLimit:{setting}"] = value }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_is_a_429_problem_with_its_reason_and_Retry_After()
    {
        var policy = new UploadRateLimitPolicy(Microsoft.Extensions.Options.Options.Create(Options()));
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(2.5), AutoReplenishment = false,
        });
        using var first = limiter.AttemptAcquire();
        using var refused = limiter.AttemptAcquire();
        var http = Request(new Claim("sub", "therapist-7"));
        http.RequestServices = new ServiceCollection().AddOptions().AddProblemDetails().BuildServiceProvider();
        http.Response.Body = new MemoryStream();

        await policy.OnRejected!(new OnRejectedContext { HttpContext = http, Lease = refused }, CancellationToken.None);

        Assert.Equal((int)HttpStatusCode.TooManyRequests, http.Response.StatusCode);
        Assert.Equal("3", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal("Too many uploads", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("30 files per minute", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static UploadRateLimitOptions Options(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddUploadRateLimiting();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<UploadRateLimitOptions>>().Value;
    }

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim("sub", "someone"), new Claim(ClaimTypes.Role, role)], "Bearer"));

    private static DefaultHttpContext Request(params Claim[] claims)
    {
        var http = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, claims.Length > 0 ? "Bearer" : null)) };
        http.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        return http;
    }
}
