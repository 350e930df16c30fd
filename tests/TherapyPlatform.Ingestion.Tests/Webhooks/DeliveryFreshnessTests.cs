using TherapyPlatform.Ingestion.Webhooks;
using TherapyPlatform.Ingestion.Webhooks.Replay;

namespace TherapyPlatform.Ingestion.Tests.Webhooks;

public sealed class DeliveryFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 11, 46, 23, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("2025-03-10T11:46:23.000000+00:00")]
    [InlineData("2025-03-10T11:36:24+00:00")]
    [InlineData("2025-03-10T11:47:22.5+00:00")]
    [InlineData("2025-03-10T13:40:00+02:00")]
    [InlineData("2025-03-10 11:40:00.123456+00")]
    public void A_delivery_created_within_the_window_is_fresh_until_the_window_ends(string createdAt)
    {
        var freshness = DeliveryFreshness.Check(createdAt, Now, Window);

        var fresh = Assert.IsType<Freshness.Fresh>(freshness);
        Assert.Equal(DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture) + Window, fresh.ExpiresAt);
    }

    [Fact]
    public void A_timestamp_without_an_offset_is_read_as_UTC()
    {
        var fresh = Assert.IsType<Freshness.Fresh>(DeliveryFreshness.Check("2025-03-10T11:45:00", Now, Window));

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 11, 55, 0, TimeSpan.Zero), fresh.ExpiresAt);
    }

    [Fact]
    public void A_delivery_older_than_the_window_is_stale_with_its_age()
    {
        var stale = Assert.IsType<Freshness.Stale>(DeliveryFreshness.Check("2025-03-10T11:35:00+00:00", Now, Window));

        Assert.Contains("00:11:23 old", stale.Reason, StringComparison.Ordinal);
        Assert.Contains("00:10:00", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_delivery_dated_more_than_the_tolerance_ahead_is_stale()
    {
        var ahead = Now + WebhookOptions.FutureTolerance + TimeSpan.FromSeconds(1);

        var stale = Assert.IsType<Freshness.Stale>(DeliveryFreshness.Check(ahead.ToString("O"), Now, Window));

        Assert.Contains("ahead", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_window_follows_the_configured_length()
    {
        var createdAt = (Now - TimeSpan.FromMinutes(3)).ToString("O");

        Assert.IsType<Freshness.Stale>(DeliveryFreshness.Check(createdAt, Now, TimeSpan.FromMinutes(2)));
        Assert.IsType<Freshness.Fresh>(DeliveryFreshness.Check(createdAt, Now, TimeSpan.FromMinutes(4)));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("yesterday at noon", "not an ISO-8601")]
    public void A_missing_or_unreadable_timestamp_is_undated_with_the_reason(string? createdAt, string reasonPart)
    {
        var undated = Assert.IsType<Freshness.Undated>(DeliveryFreshness.Check(createdAt, Now, Window));

        Assert.Contains(reasonPart, undated.Reason, StringComparison.Ordinal);
    }
}
