using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Start-, Stop-, Restart-, Suspend- and Resume-Container against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class LifecycleTests
{
    private readonly EngineFixture _f;

    public LifecycleTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void StartContainer_StartsCreatedContainers_PassThruEmitsThemRunning()
    {
        var name = _f.UniqueName("start");
        _f.CreateContainer(name, TestCommands.Responsive, start: false);

        var started = Assert.Single(_f.Run($"Start-Container {name} -PassThru").AssertNoErrors().Objects<Container>());

        Assert.Equal(name, started.Name);
        Assert.Equal(ContainerState.Running, started.State);
        Assert.True(_f.StateOf(name).Running);
    }

    [Fact]
    public void StartContainer_WithoutPassThru_EmitsNothing_AndWildcardsMatchNames()
    {
        var prefix = _f.UniqueName("startwild");
        _f.CreateContainer(prefix + "-a", TestCommands.Responsive, start: false);
        _f.CreateContainer(prefix + "-b", TestCommands.Responsive, start: false);

        var result = _f.Run($"Start-Container '{prefix}-*'").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.True(_f.StateOf(prefix + "-a").Running);
        Assert.True(_f.StateOf(prefix + "-b").Running);
    }

    [Fact]
    public void StartContainer_OnRunningContainer_IsNotAnError()
    {
        var name = _f.UniqueName("startrunning");
        _f.CreateContainer(name, TestCommands.Responsive);
        var startedAt = _f.StateOf(name).StartedAt;

        var again = Assert.Single(_f.Run($"Start-Container {name} -PassThru").AssertNoErrors().Objects<Container>());

        Assert.Equal(ContainerState.Running, again.State);
        Assert.Equal(startedAt, _f.StateOf(name).StartedAt);
    }

    [Fact]
    public void StartContainer_HostPortTaken_IsContainerPortInUse_ForThatContainer()
    {
        var port = Random.Shared.Next(21000, 29000).ToString();
        var first = _f.UniqueName("portfirst");
        var second = _f.UniqueName("portsecond");
        _f.Run($"New-Container $TestImage -Name {first} -Label $TestLabel -Port '127.0.0.1:{port}:80' -Command sleep,600 | Start-Container").AssertNoErrors();
        _f.Run($"New-Container $TestImage -Name {second} -Label $TestLabel -Port '127.0.0.1:{port}:80' -Command sleep,600").AssertNoErrors();

        var result = _f.Run($"Start-Container {second}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerPortInUse,PSDocker.Commands.StartContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(second, error.TargetObject);
        Assert.False(_f.StateOf(second).Running);
    }

    [Fact]
    public void StopContainer_StopsRunningContainer_PassThruEmitsItExited()
    {
        var name = _f.UniqueName("stop");
        _f.CreateContainer(name, TestCommands.Responsive);

        var stopped = Assert.Single(_f.Run($"Stop-Container {name} -PassThru").AssertNoErrors().Objects<Container>());

        Assert.Equal(ContainerState.Exited, stopped.State);
        var state = _f.StateOf(name);
        Assert.False(state.Running);
        Assert.Equal(0, state.ExitCode);
    }

    [Fact]
    public void StopContainer_Timeout_KillsAContainerThatIgnoresSigterm_AfterTheTimeout()
    {
        var name = _f.UniqueName("stoptimeout");
        _f.CreateContainer(name, TestCommands.Stubborn);

        _f.Run($"Stop-Container {name} -Timeout 1").AssertNoErrors();

        var state = _f.StateOf(name);
        Assert.False(state.Running);
        Assert.Equal(137, state.ExitCode); // SIGKILL after the timeout
    }

    [Fact]
    public void StopContainer_Force_KillsAtOnce_AndReturnsItStopped()
    {
        var name = _f.UniqueName("kill");
        _f.CreateContainer(name, TestCommands.Stubborn);

        var killed = Assert.Single(_f.Run($"Stop-Container {name} -Force -PassThru").AssertNoErrors().Objects<Container>());

        Assert.Equal(ContainerState.Exited, killed.State);
        Assert.Equal(137, _f.StateOf(name).ExitCode);
    }

    [Fact]
    public void StopContainer_Signal_SendsThatSignal()
    {
        var name = _f.UniqueName("signal");
        _f.CreateContainer(name, new[] { "sh", "-c", "trap 'exit 5' HUP; sleep 600 & wait" });

        _f.Run($"Stop-Container {name} -Signal HUP").AssertNoErrors();

        Assert.Equal(5, _f.WaitForExit(name));
    }

    [Fact]
    public void StopContainer_AlreadyStopped_IsNotAnError_EvenWithForce()
    {
        var name = _f.UniqueName("stopstopped");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        var stopped = _f.Run($"Stop-Container {name} -PassThru; Stop-Container {name} -Force -PassThru").AssertNoErrors().Objects<Container>();

        Assert.Equal(2, stopped.Count);
        Assert.All(stopped, c => Assert.Equal(ContainerState.Created, c.State));
    }

    [Fact]
    public void StopContainer_SignalToStoppedContainer_WritesContainerNotRunning()
    {
        var name = _f.UniqueName("signalstopped");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"Stop-Container {name} -Signal HUP");

        SingleError(result, "ContainerNotRunning", "StopContainerCommand", ErrorCategory.InvalidOperation, name);
    }

    [Fact]
    public void StopContainer_TimeoutWithForce_IsATerminatingArgumentError_AndStopsNothing()
    {
        var name = _f.UniqueName("stopargs");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($"try {{ Stop-Container {name} -Force -Timeout 3 }} catch {{ $_ }}");

        Terminating(result, "TimeoutWithKill", "StopContainerCommand", ErrorCategory.InvalidArgument);
        Assert.True(_f.StateOf(name).Running);
    }

    [Fact]
    public void StopContainer_CtrlC_DuringLongTimeout_EndsThePipelineWithin5Seconds()
    {
        var name = _f.UniqueName("stopctrlc");
        _f.CreateContainer(name, TestCommands.Stubborn);

        var took = StopAfter(_f, $"Stop-Container {name} -Timeout 120", TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(5));

        Assert.True(took < TimeSpan.FromSeconds(5), took.ToString());
    }

    [Fact]
    public void StopContainer_WhatIf_ChangesNothing()
    {
        var name = _f.UniqueName("stopwhatif");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($"Stop-Container {name} -WhatIf -PassThru").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.True(_f.StateOf(name).Running);
    }

    [Fact]
    public void RestartContainer_RestartsRunningAndStartsStopped()
    {
        var running = _f.UniqueName("restart");
        var stopped = _f.UniqueName("restartstopped");
        _f.CreateContainer(running, TestCommands.Stubborn);
        _f.CreateContainer(stopped, TestCommands.Responsive, start: false);
        var startedAt = _f.StateOf(running).StartedAt;

        var restarted = _f.Run($"Restart-Container {running}, {stopped} -Timeout 1 -PassThru").AssertNoErrors().Objects<Container>();

        Assert.Equal(new[] { running, stopped }, restarted.Select(c => c.Name));
        Assert.All(restarted, c => Assert.Equal(ContainerState.Running, c.State));
        var after = _f.StateOf(running);
        Assert.True(after.Running);
        Assert.NotEqual(startedAt, after.StartedAt);
        Assert.True(_f.StateOf(stopped).Running);
    }

    [Fact]
    public void SuspendAndResumeContainer_PauseAndUnpause()
    {
        var name = _f.UniqueName("pause");
        _f.CreateContainer(name, TestCommands.Responsive);

        var paused = Assert.Single(_f.Run($"Suspend-Container {name} -PassThru").AssertNoErrors().Objects<Container>());
        Assert.Equal(ContainerState.Paused, paused.State);
        Assert.True(_f.StateOf(name).Paused);

        var resumed = Assert.Single(_f.Run($"Resume-Container {name} -PassThru").AssertNoErrors().Objects<Container>());
        Assert.Equal(ContainerState.Running, resumed.State);
        var state = _f.StateOf(name);
        Assert.False(state.Paused);
        Assert.True(state.Running);
    }

    [Fact]
    public void SuspendContainer_OnStoppedContainer_WritesContainerNotRunning()
    {
        var name = _f.UniqueName("pausestopped");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"Suspend-Container {name}");

        var error = SingleError(result, "ContainerNotRunning", "SuspendContainerCommand", ErrorCategory.InvalidOperation, name);
        Assert.Contains("is not running", error.Exception.Message);
        Assert.False(_f.StateOf(name).Paused);
    }

    [Fact]
    public void ResumeContainer_OnContainerThatIsNotPaused_WritesContainerNotPaused()
    {
        var name = _f.UniqueName("unpauserunning");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($"Resume-Container {name}");

        SingleError(result, "ContainerNotPaused", "ResumeContainerCommand", ErrorCategory.InvalidOperation, name);
        Assert.True(_f.StateOf(name).Running);
    }

    [Fact]
    public void StartContainer_UnreachableEngine_IsOneTerminatingError()
    {
        var result = _f.Run("try { Start-Container whatever -DockerHost unix:///nonexistent/docker.sock; 'not reached' } catch { $_ }");

        var error = Terminating(result, "EngineUnreachable", "StartContainerCommand", ErrorCategory.ConnectionError);
        Assert.Contains("unix:///nonexistent/docker.sock", error.Exception.Message);
    }
}
