namespace TherapyPlatform.C3d.Tests.Fuzzing;

/// <summary>Timed tests run alone, so the per-case bound measures the parser rather than its neighbours.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "Timed";
}
