namespace TherapyPlatform.AppHost;

public static class ParameterDefaults
{
    /// <summary>
    /// A parameter that configuration (<c>Parameters:{name}</c>: user secrets, environment, test arguments) can set,
    /// with a default for local development. <c>AddParameter(name, value)</c> alone would fix the value for good.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddParameterWithDefault(
        this IDistributedApplicationBuilder builder, string name, string defaultValue, bool secret = false) =>
        builder.AddParameter(name, builder.Configuration[$"Parameters:{name}"] ?? defaultValue, publishValueAsDefault: false, secret);
}
