using System.Diagnostics;
using System.Management.Automation;

namespace PSDocker.Tests.Infrastructure;

/// <summary>Assertions on error records and on Ctrl+C, shared by the engine tests.</summary>
public static class PipelineChecks
{
    /// <summary>Asserts exactly one error with this ErrorId (from <paramref name="cmdlet"/>), category and target.</summary>
    public static ErrorRecord SingleError(PipelineResult result, string errorId, string cmdlet, ErrorCategory category, object? target)
    {
        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + ",PSDocker.Commands." + cmdlet, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
        return error;
    }

    /// <summary>
    /// A statement-terminating error, caught in the script: the script must be wrapped as
    /// <c>try { … } catch { $_ }</c>.
    /// </summary>
    public static ErrorRecord Terminating(PipelineResult result, string errorId, string cmdlet, ErrorCategory category)
    {
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(errorId + ",PSDocker.Commands." + cmdlet, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        return error;
    }

    /// <summary>
    /// Starts <paramref name="script"/>, lets it run for <paramref name="runFor"/>, presses Ctrl+C
    /// (PowerShell.Stop) and returns how long the pipeline took to end (at most <paramref name="limit"/>;
    /// more fails the test).
    /// </summary>
    public static TimeSpan StopAfter(EngineFixture fixture, string script, TimeSpan runFor, TimeSpan limit)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = fixture.Runspace;
        ps.AddScript(script);
        var running = ps.BeginInvoke();
        Thread.Sleep(runFor);
        if (running.IsCompleted)
        {
            // Only now: enumerating a running pipeline's error stream blocks until the pipeline ends.
            Assert.Fail("the pipeline ended before Ctrl+C: " + string.Join(" | ", ps.Streams.Error));
        }

        var clock = Stopwatch.StartNew();
        ps.BeginStop(null, null);
        var ended = running.AsyncWaitHandle.WaitOne(limit);
        clock.Stop();
        Assert.True(ended, $"the pipeline did not end within {limit.TotalSeconds} s of Ctrl+C");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        return clock.Elapsed;
    }
}
