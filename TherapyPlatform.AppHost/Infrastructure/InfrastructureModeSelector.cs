namespace TherapyPlatform.AppHost.Infrastructure;

/// <summary>The mode that was chosen, and why (logged on start).</summary>
public sealed record InfrastructureChoice(InfrastructureMode Mode, string Reason);

/// <summary>
/// Chooses the infrastructure mode: the configured one, else containers when a container runtime answers,
/// else local processes. An installed docker client whose engine is missing must not count as a runtime,
/// because Aspire then waits forever for the unhealthy engine.
/// </summary>
public static class InfrastructureModeSelector
{
    public const string ConfigurationKey = "Infrastructure:Mode";

    public static InfrastructureChoice Select(string? configured, Func<bool> containerRuntimeAnswers)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Enum.TryParse<InfrastructureMode>(configured.Trim(), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            {
                throw new InvalidOperationException(
                    $"{ConfigurationKey} is '{configured}'; expected one of {string.Join(", ", Enum.GetNames<InfrastructureMode>())}.");
            }

            return new InfrastructureChoice(mode, $"configured by {ConfigurationKey}");
        }

        return containerRuntimeAnswers()
            ? new InfrastructureChoice(InfrastructureMode.Containers, "a container runtime answered")
            : new InfrastructureChoice(InfrastructureMode.LocalProcesses, "no container runtime answered");
    }
}
