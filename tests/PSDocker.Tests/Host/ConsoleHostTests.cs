using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Host;

/// <summary>
/// The console host (out/PSDocker.Host) as a user without pwsh runs it: a real process with the
/// module imported, talking to the real engine, its streams redirected.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ConsoleHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly EngineFixture _f;

    public ConsoleHostTests(EngineFixture fixture) => _f = fixture;

    private string LabelFilter => $"{EngineFixture.LabelKey}={_f.RunId}";

    private bool IsRunning(string name) => _f.Inspect(name)?.State?.Running == true;

    [Fact]
    public void Command_GetContainer_RendersTheDockerStyleTable_ThroughOutDefault()
    {
        var name = _f.UniqueName("table");
        var id = _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-Command", $"Get-Container -Label {LabelFilter}" });

        Assert.True(host.ExitCode == 0, host.ToString());
        var lines = host.Stdout.Split('\n');
        var header = Assert.Single(lines, l => l.StartsWith("CONTAINER ID", StringComparison.Ordinal));
        var columns = new[] { "CONTAINER ID", "NAMES", "IMAGE", "STATUS", "PORTS", "CREATED", "COMMAND" };
        var positions = columns.Select(c => header.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, header));
        Assert.Equal(positions.OrderBy(p => p), positions);
        var row = Assert.Single(lines, l => l.StartsWith(id[..12], StringComparison.Ordinal));
        Assert.Contains(name, row);
        Assert.Contains("\"sleep 300\"", row);

        // Redirected output is plain text, and nothing went to stderr.
        Assert.DoesNotContain('\u001b', host.Stdout);
        Assert.Equal(string.Empty, host.Stderr);
    }

    [Fact]
    public void Command_FailingLastStatement_PrintsTheErrorOnStderr_AndExitsWithOne()
    {
        using var host = HostProcess.Run(new[] { "-Command", $"Get-Container -Name nosuch-{_f.RunId}" });

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains($"Get-Container: No container named or with id 'nosuch-{_f.RunId}' was found.", host.Stderr);
        Assert.DoesNotContain('\u001b', host.Stderr);
        Assert.DoesNotContain("nosuch", host.Stdout);
    }

    [Fact]
    public void Command_ErrorThenSuccess_ExitsWithZero_LikePwsh()
    {
        using var host = HostProcess.Run(new[] { "-Command", $"Get-Container -Name nosuch-{_f.RunId}; 'done'" });

        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.Contains("done", host.Stdout);
        Assert.Contains("was found", host.Stderr);
    }

    [Fact]
    public void Command_UnreachableEngine_IsOneErrorNamingTheEndpoint_AndExitCodeOne()
    {
        using var host = HostProcess.Run(new[] { "-Command", "Get-Container -DockerHost unix:///nonexistent/docker.sock" });

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Single(host.Stderr.Split('\n'), l => l.StartsWith("Get-Container:", StringComparison.Ordinal));
        Assert.Contains("unix:///nonexistent/docker.sock", host.Stderr);
    }

    [Theory]
    [InlineData("exit 7", 7)]
    [InlineData("throw 'boom'", 1)]
    [InlineData("sh -c 'exit 3'", 3)]
    [InlineData("'fine'", 0)]
    public void Command_ExitCode_FollowsExitThrowAndLastExitCode(string script, int expected)
    {
        using var host = HostProcess.Run(new[] { "-Command", script });

        Assert.True(host.ExitCode == expected, host.ToString());
    }

    [Fact]
    public void File_BindsNamedAndPositionalArguments_AndExitEndsTheHost()
    {
        using var script = new TempScript(_f, "param($Name, [switch]$Loud, $Count) \"name=$Name loud=$Loud count=$Count root=$PSScriptRoot\"; exit $Count");

        using var host = HostProcess.Run(new[] { "-File", script.Path, "web", "-Loud", "-Count", "4" });

        Assert.True(host.ExitCode == 4, host.ToString());
        Assert.Contains($"name=web loud=True count=4 root={System.IO.Path.GetDirectoryName(script.Path)}", host.Stdout);
    }

    [Fact]
    public void File_TerminatingError_IsShownWithItsPositionOnStderr_AndExitsWithOne()
    {
        using var script = new TempScript(_f, "'before'\nthrow 'deep trouble'\n'after'");

        using var host = HostProcess.Run(new[] { "-File", script.Path });

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains("before", host.Stdout);
        Assert.DoesNotContain("after", host.Stdout);
        Assert.Contains($"Exception: {script.Path}:2", host.Stderr);
        Assert.Contains("deep trouble", host.Stderr);
    }

    [Fact]
    public void Confirm_AnsweredNoOnStdin_AsksLikePwsh_AndLeavesTheContainerRunning()
    {
        var name = _f.UniqueName("confirm-no");
        _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-Command", $"Stop-Container {name} -Confirm" }, stdin: "N\n");

        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.Contains("Are you sure you want to perform this action?", host.Stdout);
        Assert.Contains($"Performing the operation \"Stop\" on target \"{name}\".", host.Stdout);
        Assert.Contains("[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): ", host.Stdout);
        Assert.True(IsRunning(name));
    }

    [Fact]
    public void Confirm_AnsweredYesAfterAnInvalidAnswer_StopsTheContainer()
    {
        var name = _f.UniqueName("confirm-yes");
        _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-Command", $"Stop-Container {name} -Timeout 1 -Confirm" }, stdin: "maybe\ny\n");

        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.Equal(2, host.Stdout.Split("[?] Help").Length - 1);
        Assert.False(IsRunning(name));
    }

    [Fact]
    public void Confirm_WhenStdinHasEnded_FailsWithAMessage_InsteadOfWaiting()
    {
        var name = _f.UniqueName("confirm-eof");
        _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-Command", $"Stop-Container {name} -Confirm" }, stdin: string.Empty);

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains("Standard input ended", host.Stderr);
        Assert.True(IsRunning(name));
    }

    [Fact]
    public void NonInteractive_Confirm_FailsWithoutReading()
    {
        var name = _f.UniqueName("confirm-nonint");
        _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-NonInteractive", "-Command", $"Stop-Container {name} -Confirm" }, stdin: "y\n");

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains("-NonInteractive", host.Stderr);
        Assert.True(IsRunning(name));
    }

    [Fact]
    public void MandatoryParameter_IsPromptedFor_AndReadFromStdin()
    {
        var name = _f.UniqueName("mandatory");
        _f.CreateContainer(name, new[] { "sleep", "300" });

        using var host = HostProcess.Run(new[] { "-Command", "Stop-Container -Timeout 1" }, stdin: name + "\n\n");

        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.Contains("Supply values for the following parameters:", host.Stdout);
        Assert.Contains("Name[0]: ", host.Stdout);
        Assert.False(IsRunning(name));
    }

    [Fact]
    public void CtrlC_StopsTheRunningPipeline_AndThePromptGoesOn()
    {
        // A container that ignores SIGTERM: Stop-Container -Timeout 300 would wait five minutes.
        var name = _f.UniqueName("ctrlc");
        _f.CreateContainer(name, new[] { "sh", "-c", "trap '' TERM; while true; do sleep 1; done" });

        using var host = HostProcess.Start(new[] { "-NoExit", "-Command", $"'started'; Stop-Container {name} -Timeout 300; 'not reached'" });
        Assert.True(host.WaitForOutput("started", Patience), host.ToString());
        Thread.Sleep(500);

        var interrupted = DateTime.UtcNow;
        host.Interrupt();
        host.WriteInput("'still here'\n");
        Assert.True(host.WaitForOutput("still here", TimeSpan.FromSeconds(10)), host.ToString());
        Assert.True(DateTime.UtcNow - interrupted < TimeSpan.FromSeconds(5), $"The pipeline took {DateTime.UtcNow - interrupted} to stop.");

        host.WriteInput("exit 5\n");
        host.WaitForExit(Patience);
        Assert.True(host.ExitCode == 5, host.ToString());
        Assert.DoesNotContain("not reached", host.Stdout);
    }

    [Fact]
    public void Prompt_ReadsStatementsFromStdin_UntilItEnds()
    {
        using var host = HostProcess.Run(Array.Empty<string>(), stdin: "$x = 20\nif ($x) {\n  $x + 1\n}\nGet-Container -Name nosuch-" + _f.RunId + "\n");

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains("21", host.Stdout);
        Assert.Contains("PS ", host.Stdout);
        Assert.Contains("was found", host.Stderr);
    }

    [Fact]
    public void Progress_OnRedirectedStderr_IsNotShown_AndVerboseIs()
    {
        const string script = "& { [CmdletBinding()] param() $r = [System.Management.Automation.ProgressRecord]::new(1, 'Pulling', 'layer 1'); $r.PercentComplete = 50; $PSCmdlet.WriteProgress($r); $PSCmdlet.WriteVerbose('said'); 'out' } -Verbose";
        using var host = HostProcess.Run(new[] { "-Command", script });

        Assert.True(host.ExitCode == 0, host.ToString());
        Assert.DoesNotContain("Pulling", host.Stderr + host.Stdout);
        Assert.Contains("VERBOSE: said", host.Stderr);
        Assert.Contains("out", host.Stdout);
    }

    [Fact]
    public void Module_Missing_IsAClearErrorAndExitCodeOne()
    {
        using var host = HostProcess.Run(new[] { "-Module", "/nonexistent/PSDocker", "-Command", "'x'" });

        Assert.True(host.ExitCode == 1, host.ToString());
        Assert.Contains("no module manifest at /nonexistent/PSDocker/PSDocker.psd1", host.Stderr);
    }

    /// <summary>A script file for -File, deleted afterwards.</summary>
    private sealed class TempScript : IDisposable
    {
        public TempScript(EngineFixture fixture, string content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"psdocker-host-{fixture.RunId}-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
