using MassTransit.Events;
using TherapyPlatform.Analytics.Analysis;

namespace TherapyPlatform.Analytics.Tests.Analysis;

public sealed class AnalysisFaultConsumerTests
{
    [Fact]
    public void The_reason_names_the_last_error_and_says_the_retries_are_spent()
    {
        var reason = AnalysisFaultConsumer.ReasonOf([new FaultExceptionInfo(new TimeoutException("The database did not answer"))]);

        Assert.Equal("The analysis kept failing and was given up after its retries (System.TimeoutException: The database did not answer).", reason);
    }

    [Fact]
    public void A_long_error_is_cut_short()
    {
        var reason = AnalysisFaultConsumer.ReasonOf([new FaultExceptionInfo(new InvalidOperationException(new string('x', 1000)))]);

        Assert.True(reason.Length < 400, $"{reason.Length} characters");
        Assert.Contains("…", reason);
    }
}
