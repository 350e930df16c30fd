using TherapyPlatform.Signals.Extensions;

namespace TherapyPlatform.Signals;

// A named entry point rather than top-level statements: the benchmarks see this assembly's internals, and a
// global Program would clash with theirs.
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddSignalsServices();

        var app = builder.Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapDefaultEndpoints();
        app.MapSignalsApis();

        app.Run();
    }
}
