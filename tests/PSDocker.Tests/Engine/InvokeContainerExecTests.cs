using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class InvokeContainerExecTests
{
    private readonly EngineFixture _f;

    public InvokeContainerExecTests(EngineFixture fixture) => _f = fixture;

    private int LastExitCode() => (int)_f.Run("$global:LASTEXITCODE").Output.Single().BaseObject;

    private string RunningContainer(string prefix, string? hostname = null)
    {
        var name = _f.UniqueName(prefix);
        var created = _f.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = EngineFixture.TestImage,
            Hostname = hostname ?? string.Empty,
            Cmd = new[] { "sleep", "300" },
            Labels = _f.Labels,
            HostConfig = new HostConfig(),
        }).GetAwaiter().GetResult();
        _f.Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()).GetAwaiter().GetResult();
        return name;
    }

    [Fact]
    public void InvokeContainerExec_IssueExample_PrintsTheHostname()
    {
        var name = RunningContainer("exec", hostname: "webhost");
        var result = _f.Run($"Invoke-ContainerExec {name} -Command cat,/etc/hostname").AssertNoErrors();
        Assert.Equal(new object[] { "webhost" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(0, LastExitCode());
    }

    [Fact]
    public void InvokeContainerExec_NonZeroExit_IsAnErrorWithTheCode_AndPassThruEmitsTheResult()
    {
        var name = RunningContainer("exec");
        var result = _f.Run($"Invoke-ContainerExec {name} -Command sh,-c,'echo x; echo oops >&2; exit 4' -PassThru");

        Assert.Equal("x", result.Output[0].BaseObject);
        var exec = Assert.IsType<ExecResult>(result.Output[1].BaseObject);
        Assert.Equal(4, exec.ExitCode);
        Assert.Equal(name, exec.ContainerName);
        Assert.Equal(_f.Inspect(name)!.ID, exec.ContainerId);
        Assert.Equal(new[] { "sh", "-c", "echo x; echo oops >&2; exit 4" }, exec.Command);
        Assert.NotNull(exec.Engine);

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal("ContainerStandardError,PSDocker.Commands.InvokeContainerExecCommand", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal("oops", result.Errors[0].Exception.Message);
        var exit = result.Errors[1];
        Assert.Equal("ContainerExitCode,PSDocker.Commands.InvokeContainerExecCommand", exit.FullyQualifiedErrorId);
        Assert.Equal(4, Assert.IsType<ExecResult>(exit.TargetObject).ExitCode);
        Assert.Equal(4, Assert.IsType<ContainerExitException>(exit.Exception).ExitCode);
        Assert.Equal(4, LastExitCode());
    }

    [Fact]
    public void InvokeContainerExec_UserWorkingDirectoryAndEnvironment()
    {
        var name = RunningContainer("exec");
        var result = _f.Run($"Invoke-ContainerExec {name} -User 1000 -WorkingDirectory /tmp -Environment @{{ FOO = 'bar' }} -Command sh,-c,'echo $FOO; pwd; id -u'").AssertNoErrors();
        Assert.Equal(new object[] { "bar", "/tmp", "1000" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void InvokeContainerExec_StoppedContainer_IsResourceBusy_AndTheNextTargetStillRuns()
    {
        var stopped = _f.UniqueName("stopped");
        _f.CreateContainer(stopped, new[] { "true" }, start: false);
        var running = RunningContainer("exec", hostname: "alive");

        var result = _f.Run($"Invoke-ContainerExec -Name {stopped}, {running} -Command hostname");

        Assert.Equal(new object[] { "alive" }, result.Output.Select(o => o.BaseObject));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNotRunning,PSDocker.Commands.InvokeContainerExecCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(stopped, error.TargetObject);
        Assert.Contains("is not running", error.Exception.Message);
    }

    [Fact]
    public void InvokeContainerExec_UnknownContainer_IsObjectNotFound()
    {
        var result = _f.Run($"Invoke-ContainerExec nosuch-{_f.RunId} -Command true");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNotFound,PSDocker.Commands.InvokeContainerExecCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal($"nosuch-{_f.RunId}", error.TargetObject);
        Assert.Equal(125, LastExitCode());
    }

    [Fact]
    public void InvokeContainerExec_PipedContainers_RunOneAfterTheOther()
    {
        var a = RunningContainer("a", hostname: "host-a");
        var b = RunningContainer("b", hostname: "host-b");
        var result = _f.Run($"@(Get-Container -Name {a}; Get-Container -Name {b}) | Invoke-ContainerExec -Command sh,-c,'hostname; sleep 0.2; echo end'").AssertNoErrors();
        Assert.Equal(new object[] { "host-a", "end", "host-b", "end" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void InvokeContainerExec_Tty_OneStream()
    {
        var name = RunningContainer("exec");
        var result = _f.Run($"Invoke-ContainerExec {name} -Tty -Command sh,-c,'echo a; echo b >&2'").AssertNoErrors();
        Assert.Equal(new object[] { "a", "b" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public async Task InvokeContainerExec_Detach_StartsInTheBackground()
    {
        var name = RunningContainer("exec");
        var result = _f.Run($"Invoke-ContainerExec {name} -Detach -Command sleep,123").AssertNoErrors();
        Assert.Empty(result.Output);

        var processes = await _f.Docker.Containers.ListProcessesAsync(name, new ContainerListProcessesParameters());
        Assert.Contains(processes.Processes, p => string.Join(" ", p).Contains("sleep 123"));
    }

    [Fact]
    public void InvokeContainerExec_DetachWithPassThru_IsAParameterError()
    {
        var result = _f.Run("try { Invoke-ContainerExec whatever -Detach -PassThru -Command true } catch { $_ }");
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("DetachWithPassThru,PSDocker.Commands.InvokeContainerExecCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void InvokeContainerExec_CtrlC_EndsTheStreamWithinASecond()
    {
        var name = RunningContainer("exec");
        using var pipeline = new StreamingPipeline(_f.Runspace, $"Invoke-ContainerExec {name} -Command sh,-c,'echo started; sleep 300'");
        Assert.True(pipeline.WaitFor(o => o.Count > 0, TimeSpan.FromSeconds(30)));
        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(5), $"Ctrl+C took {took}");
    }
}
