using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class InvokeContainerTests
{
    private readonly EngineFixture _f;

    public InvokeContainerTests(EngineFixture fixture) => _f = fixture;

    private static string NewCase() => Guid.NewGuid().ToString("N")[..12];

    private int LastExitCode() => (int)_f.Run("$global:LASTEXITCODE").Output.Single().BaseObject;

    [Fact]
    public void InvokeContainer_IssueExample_EchoesHelloWorld_AndLeavesNothingBehind()
    {
        var caseId = NewCase();
        var result = _f.Run($"Invoke-Container -Image $TestImage -Command '/bin/echo','hello world' -Remove -Label {_f.CaseLabel(caseId)}").AssertNoErrors();

        Assert.Equal(new object[] { "hello world" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(0, LastExitCode());
        Assert.Empty(_f.ContainersOfCase(caseId));
    }

    [Fact]
    public async Task InvokeContainer_IssueExample_DetachedWeb_PublishesPortAndAnswersHttp()
    {
        var name = _f.UniqueName("web");
        var port = EngineChecks.FreeLoopbackPort();
        var result = _f.Run(
            $"Invoke-Container -Image $TestImage -Name {name} -Port '127.0.0.1:{port}:80' -Detach -Label $TestLabel " +
            "-Command sh,-c,'mkdir /www && echo served-by-psdocker > /www/index.html && exec httpd -f -p 80 -h /www'").AssertNoErrors();

        var web = Assert.Single(result.Objects<Container>());
        Assert.Equal(name, web.Name);
        Assert.Equal(ContainerState.Running, web.State);
        var mapping = Assert.Single(web.Ports);
        Assert.Equal($"127.0.0.1:{port}->80/tcp", mapping.ToString());
        Assert.Equal(port, mapping.HostPort);
        Assert.NotNull(web.Engine);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        string? body = null;
        for (var attempt = 0; attempt < 50 && body is null; attempt++)
        {
            try
            {
                body = await http.GetStringAsync($"http://127.0.0.1:{port}/");
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200); // httpd still starting
            }
        }

        Assert.Equal("served-by-psdocker", body?.Trim());
    }

    [Fact]
    public void InvokeContainer_StdoutToPipeline_StderrToErrors_NonZeroExitIsAnErrorWithTheCode()
    {
        var caseId = NewCase();
        var result = _f.Run($"Invoke-Container $TestImage -Command sh,-c,'echo out1; echo err1 >&2; echo out2; exit 3' -Remove -Label {_f.CaseLabel(caseId)}");

        Assert.Null(result.Terminating);
        Assert.Equal(new object[] { "out1", "out2" }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(2, result.Errors.Count);

        var stderr = result.Errors[0];
        Assert.Equal("ContainerStandardError,PSDocker.Commands.InvokeContainerCommand", stderr.FullyQualifiedErrorId);
        Assert.Equal("err1", stderr.Exception.Message);

        var exit = result.Errors[1];
        Assert.Equal("ContainerExitCode,PSDocker.Commands.InvokeContainerCommand", exit.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotSpecified, exit.CategoryInfo.Category);
        var exec = Assert.IsType<ExecResult>(exit.TargetObject);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(new[] { "sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 3" }, exec.Command);
        Assert.Equal(3, Assert.IsType<ContainerExitException>(exit.Exception).ExitCode);
        Assert.Equal(3, LastExitCode());
        Assert.Empty(_f.ContainersOfCase(caseId));

        _f.Run($"Invoke-Container $TestImage -Command true -Remove -Label {_f.CaseLabel(caseId)}").AssertNoErrors();
        Assert.Equal(0, LastExitCode());
    }

    [Fact]
    public void InvokeContainer_WithoutRemove_KeepsTheExitedContainer()
    {
        var name = _f.UniqueName("keep");
        _f.Run($"Invoke-Container $TestImage -Name {name} -Command sh,-c,'exit 7' -Label $TestLabel");

        var inspected = _f.Inspect(name);
        Assert.NotNull(inspected);
        Assert.Equal("exited", inspected!.State!.Status);
        Assert.Equal(7, inspected.State.ExitCode);
        Assert.Equal(7, LastExitCode());
    }

    [Fact]
    public void InvokeContainer_WritesOutputAsItArrives_AndCtrlCKillsAndRemovesTheContainer()
    {
        var caseId = NewCase();
        using var pipeline = new StreamingPipeline(_f.Runspace,
            $"Invoke-Container $TestImage -Command sh,-c,'echo first; sleep 300; echo never' -Remove -Label {_f.CaseLabel(caseId)}");

        Assert.True(pipeline.WaitFor(o => o.Count > 0, TimeSpan.FromSeconds(30)), "the first line should arrive while the container still runs");
        Assert.Equal("first", pipeline.Lines[0]);
        Assert.Single(_f.ContainersOfCase(caseId), c => c.State == "running");

        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(5), $"Ctrl+C took {took}");
        Assert.Empty(_f.ContainersOfCase(caseId));
    }

    [Fact]
    public void InvokeContainer_CtrlC_WithoutRemove_KillsTheContainer()
    {
        var name = _f.UniqueName("ctrlc");
        using var pipeline = new StreamingPipeline(_f.Runspace, $"Invoke-Container $TestImage -Name {name} -Command sh,-c,'echo up; sleep 300' -Label $TestLabel");
        Assert.True(pipeline.WaitFor(o => o.Count > 0, TimeSpan.FromSeconds(30)));

        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(5), $"Ctrl+C took {took}");
        var inspected = _f.Inspect(name);
        Assert.NotNull(inspected);
        Assert.False(inspected!.State!.Running);
    }

    [Fact]
    public void InvokeContainer_Tty_OneRawStream()
    {
        var result = _f.Run("Invoke-Container $TestImage -Tty -Remove -Label $TestLabel -Command sh,-c,'echo a; echo b >&2; printf c'").AssertNoErrors();
        Assert.Equal(new object[] { "a", "b", "c" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void InvokeContainer_Interactive_DoesNotHangOnStdin()
    {
        var result = _f.Run("Invoke-Container $TestImage -Interactive -Remove -Label $TestLabel -Command sh,-c,'cat; echo done'").AssertNoErrors();
        Assert.Equal(new object[] { "done" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void InvokeContainer_CommandNotFound_WritesTheEnginesError_SetsExitCode127_AndRemoves()
    {
        var caseId = NewCase();
        var result = _f.Run($"Invoke-Container $TestImage -Command /no/such/program -Remove -Label {_f.CaseLabel(caseId)}");

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Contains("/no/such/program", error.Exception.Message);
        Assert.Equal(127, LastExitCode());
        Assert.Empty(_f.ContainersOfCase(caseId));
    }

    [Fact]
    public async Task InvokeContainer_DetachWithRemove_LetsTheEngineRemoveIt()
    {
        var name = _f.UniqueName("detrm");
        var container = Assert.Single(_f.Run($"Invoke-Container $TestImage -Name {name} -Detach -Remove -Label $TestLabel -Command sleep,300").AssertNoErrors().Objects<Container>());
        Assert.True(_f.Inspect(name)!.HostConfig!.AutoRemove);

        await _f.Docker.Containers.KillContainerAsync(container.Id, new Docker.DotNet.Models.ContainerKillParameters { Signal = "KILL" });
        var gone = false;
        for (var i = 0; i < 100 && !gone; i++)
        {
            gone = _f.Inspect(name) is null;
            await Task.Delay(100);
        }

        Assert.True(gone);
    }

    [Fact]
    public void InvokeContainer_RandomHostPort_IsReportedInPorts()
    {
        var name = _f.UniqueName("rnd");
        var container = Assert.Single(_f.Run($"Invoke-Container $TestImage -Name {name} -Detach -Port '127.0.0.1::80','90' -Label $TestLabel -Command sleep,300").AssertNoErrors().Objects<Container>());

        var loopback = Assert.Single(container.Ports, p => p.ContainerPort == 80);
        Assert.Equal("127.0.0.1", loopback.HostIp);
        Assert.True(loopback.HostPort > 0);
        Assert.Contains(container.Ports, p => p.ContainerPort == 90 && p.HostPort > 0);
    }

    [Fact]
    public void InvokeContainer_WhatIf_CreatesNothing()
    {
        var caseId = NewCase();
        var result = _f.Run($"Invoke-Container $TestImage -Command true -WhatIf -Label {_f.CaseLabel(caseId)}").AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Empty(_f.ContainersOfCase(caseId));
    }

    [Fact]
    public void InvokeContainer_StderrWithErrorActionStop_StillRemovesTheContainer()
    {
        var caseId = NewCase();
        var result = _f.Run($"try {{ Invoke-Container $TestImage -Command sh,-c,'echo bad >&2; sleep 300' -Remove -ErrorAction Stop -Label {_f.CaseLabel(caseId)} }} catch {{ $_ }}");
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("bad", error.Exception.Message);
        Assert.Empty(_f.ContainersOfCase(caseId));
    }
}
