using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Wait-Container (docker wait) against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class WaitContainerTests
{
    private readonly EngineFixture _f;

    public WaitContainerTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void WaitContainer_ReturnsExitCodesAsData_InInputOrder()
    {
        // The first to be named exits last: results still come in input order.
        var slow = _f.UniqueName("waitslow");
        var fast = _f.UniqueName("waitfast");
        var zero = _f.UniqueName("waitzero");
        var slowId = _f.CreateContainer(slow, TestCommands.ExitsWith(3, 2));
        _f.CreateContainer(fast, TestCommands.ExitsWith(7, 0.2));
        _f.CreateContainer(zero, TestCommands.ExitsWith(0, 0.5));

        var results = _f.Run($"Wait-Container {slow}, {fast}, {zero}; $?").AssertNoErrors();

        var exits = results.Objects<ExecResult>();
        Assert.Equal(new[] { slow, fast, zero }, exits.Select(e => e.ContainerName));
        Assert.Equal(new long[] { 3, 7, 0 }, exits.Select(e => e.ExitCode));
        Assert.Equal(slowId, exits[0].ContainerId);
        Assert.Equal(TestCommands.ExitsWith(3, 2), exits[0].Command);
        Assert.Equal(EngineFixture.EngineHost, exits[0].Engine.Uri.ToString().TrimEnd('/'));
        Assert.True((bool)results.Output.Last().BaseObject, "a non-zero exit code is data, not a failure");
        Assert.Equal(3, _f.StateOf(slow).ExitCode);
    }

    [Fact]
    public void WaitContainer_Timeout_WritesWaitTimeoutForContainersStillRunning()
    {
        var running = _f.UniqueName("waitrunning");
        var exited = _f.UniqueName("waitexited");
        _f.CreateContainer(running, TestCommands.Stubborn);
        _f.CreateContainer(exited, TestCommands.ExitsWith(4));
        _f.WaitForExit(exited);

        var result = _f.Run($"Wait-Container {running}, {exited} -Timeout 1");

        var exit = Assert.Single(result.Objects<ExecResult>());
        Assert.Equal(exited, exit.ContainerName);
        Assert.Equal(4, exit.ExitCode);
        var error = SingleError(result, "WaitTimeout", "WaitContainerCommand", ErrorCategory.OperationTimeout, running);
        Assert.Contains(running, error.Exception.Message);
        Assert.True(_f.StateOf(running).Running);
    }

    [Fact]
    public void WaitContainer_UnknownContainer_WritesContainerNotFound_AndWaitsForTheRest()
    {
        var name = _f.UniqueName("waitknown");
        _f.CreateContainer(name, TestCommands.ExitsWith(0));
        var missing = "nosuch-" + _f.RunId;

        var result = _f.Run($"Wait-Container {missing}, {name}");

        Assert.Equal(name, Assert.Single(result.Objects<ExecResult>()).ContainerName);
        SingleError(result, "ContainerNotFound", "WaitContainerCommand", ErrorCategory.ObjectNotFound, missing);
    }

    [Fact]
    public void WaitContainer_CtrlC_EndsThePipelineWithin5Seconds()
    {
        var a = _f.UniqueName("waitctrlc");
        var b = _f.UniqueName("waitctrlc");
        _f.CreateContainer(a, TestCommands.Stubborn);
        _f.CreateContainer(b, TestCommands.Stubborn);

        var took = StopAfter(_f, $"Wait-Container {a}, {b}", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));

        Assert.True(took < TimeSpan.FromSeconds(5), took.ToString());
        Assert.True(_f.StateOf(a).Running);
    }
}
