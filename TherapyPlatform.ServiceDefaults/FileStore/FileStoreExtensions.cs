using Microsoft.Extensions.DependencyInjection;
using TherapyPlatform.ServiceDefaults.FileStore;

namespace Microsoft.Extensions.Hosting;

public static class FileStoreExtensions
{
    /// <summary>The PostgreSQL file store; needs the <c>therapydb</c> data source (registered by the event store or Aspire.Npgsql).</summary>
    public static TBuilder AddFileStore<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<IFileStore, PostgresFileStore>();
        return builder;
    }
}
