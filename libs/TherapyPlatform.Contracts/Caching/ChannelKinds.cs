namespace TherapyPlatform.Contracts.Caching;

/// <summary>The recorded kinds of <see cref="ChannelMetadata.Kind"/>.</summary>
public static class ChannelKinds
{
    public const string Raw = "raw";
    public const string Activated = "activated";
}
