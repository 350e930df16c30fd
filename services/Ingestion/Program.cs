using TherapyPlatform.Ingestion;
using TherapyPlatform.Ingestion.Sessions;
using TherapyPlatform.Ingestion.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIngestionServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
// After authentication (added first by the host), so uploads are counted per authenticated client.
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapSessionsApi();
app.MapStorageWebhookApi();

app.Run();
