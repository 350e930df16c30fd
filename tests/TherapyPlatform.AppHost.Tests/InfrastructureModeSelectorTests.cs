using TherapyPlatform.AppHost.Infrastructure;

namespace TherapyPlatform.AppHost.Tests;

public sealed class InfrastructureModeSelectorTests
{
    [Theory]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData("localprocesses", InfrastructureMode.LocalProcesses)]
    [InlineData(" External ", InfrastructureMode.External)]
    public void A_configured_mode_wins_and_the_runtime_is_not_probed(string configured, InfrastructureMode expected)
    {
        var probed = false;

        var choice = InfrastructureModeSelector.Select(configured, () => probed = true);

        Assert.Equal(expected, choice.Mode);
        Assert.False(probed);
        Assert.Contains("configured", choice.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_configuration_containers_are_used_when_a_runtime_answers(string? configured)
    {
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeSelector.Select(configured, () => true).Mode);
        Assert.Equal(InfrastructureMode.LocalProcesses, InfrastructureModeSelector.Select(configured, () => false).Mode);
    }

    [Theory]
    [InlineData("Kubernetes")]
    [InlineData("7")]
    public void An_unknown_mode_is_a_clear_error(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InfrastructureModeSelector.Select(configured, () => true));

        Assert.Contains(configured, error.Message);
        Assert.Contains("LocalProcesses", error.Message);
    }

    [Fact]
    public void A_runtime_client_that_is_missing_does_not_count_as_a_runtime()
    {
        Assert.False(ContainerRuntimeProbe.Answers("no-such-container-runtime"));
    }
}
