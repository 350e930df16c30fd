using System.Globalization;
using TherapyPlatform.AppHost;
using TherapyPlatform.AppHost.Infrastructure;
using TherapyPlatform.AppHost.Security;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddTherapyInfrastructure();

// Supabase Storage, where session files land (its webhook calls Ingestion). Keys are parameters, never in the repo:
// set them with `dotnet user-secrets` on the AppHost or Parameters__* environment variables.
var storageUrl = builder.AddParameterWithDefault("storage-url", "");
var storageBucket = builder.AddParameterWithDefault("storage-bucket", "c3d-examples");
var storageServiceKey = builder.AddParameterWithDefault("storage-service-key", "", secret: true);
var webhookSecret = builder.AddParameter("webhook-secret",
    new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

// Bearer tokens: a generated signing key for local development (`therapy token` signs with it); for Supabase-issued
// tokens set it to the project's JWT secret and the issuer/audience/claims to Supabase's.
var auth = builder.AddAuthParameters();

builder.AddProject<Projects.Ingestion>("ingestion")
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithEnvironment("Storage__Url", storageUrl)
    .WithEnvironment("Storage__Bucket", storageBucket)
    .WithEnvironment("Storage__ServiceKey", storageServiceKey)
    .WithEnvironment("Webhook__Secret", webhookSecret)
    .WithAuth(auth)
    .WithHttpHealthCheck("/health");

// Admin key of Analytics' POST /cache/invalidate: a secret parameter, generated when not given
// (Parameters:cache-admin-key), so no key is in the repo.
var cacheAdminKey = builder.AddParameter(
    "cache-admin-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

// Two replicas compete for analysis requests; each session is still analysed once. They share this host's cores, so
// each runs one analysis per core it has to itself: with more at once, the analyses crowded out the uploads'
// acknowledgements on two cores (bench/README.md, "Rerun (session 3)" and "(session 4)").
const int analyticsReplicas = 2;
builder.AddProject<Projects.Analytics>("analytics")
    .WithReplicas(analyticsReplicas)
    .WithEnvironment("Analysis__ConcurrentAnalyses", Math.Max(1, Environment.ProcessorCount / analyticsReplicas).ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("Cache__AdminKey", cacheAdminKey)
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Redis, TherapyInfrastructure.RedisName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithAuth(auth)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Signals>("signals")
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Redis, TherapyInfrastructure.RedisName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithAuth(auth)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
