using TherapyPlatform.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddTherapyInfrastructure();

builder.AddProject<Projects.Ingestion>("ingestion")
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithHttpHealthCheck("/health");

// Two replicas compete for analysis requests; each session is still analysed once.
builder.AddProject<Projects.Analytics>("analytics")
    .WithReplicas(2)
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Redis, TherapyInfrastructure.RedisName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Signals>("signals")
    .WithInfrastructure(infrastructure.Database, TherapyInfrastructure.DatabaseName)
    .WithInfrastructure(infrastructure.Redis, TherapyInfrastructure.RedisName)
    .WithInfrastructure(infrastructure.Messaging, TherapyInfrastructure.MessagingName)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
