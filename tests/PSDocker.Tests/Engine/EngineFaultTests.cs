using System.Diagnostics;
using System.Management.Automation;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// What a user gets when the engine address points at something that is not a working engine: one
/// clear error naming the endpoint, within a bounded time, never a transport's own words or a raw
/// .NET exception; and $LASTEXITCODE tells a run that never started.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class EngineFaultTests
{
    private readonly EngineFixture _f;

    public EngineFaultTests(EngineFixture fixture) => _f = fixture;

    private static ErrorRecord SingleError(PipelineResult result) =>
        result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);

    [Fact]
    public void AListenerThatNeverAnswers_IsEngineUnreachable_WithinTheConnectBound()
    {
        using var silent = new FaultyEngine(Fault.Silent);

        var clock = Stopwatch.StartNew();
        var result = _f.Run($"Get-Container -DockerHost {silent.Host}");
        clock.Stop();

        var error = SingleError(result);
        Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId);
        Assert.Contains("did not answer", error.Exception.Message);
        Assert.Contains(silent.Host.Replace("tcp://", string.Empty), error.Exception.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void WaitContainerTimeout_HoldsAgainstAListenerThatNeverAnswers()
    {
        using var silent = new FaultyEngine(Fault.Silent);

        var clock = Stopwatch.StartNew();
        var result = _f.Run($"Wait-Container anything -Timeout 2 -DockerHost {silent.Host}");
        clock.Stop();

        Assert.StartsWith("WaitTimeout", SingleError(result).FullyQualifiedErrorId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"a 2 s wait took {clock.Elapsed}");
    }

    [Fact]
    public void AServerThatClosesWithoutAnswering_SaysSo()
    {
        using var closing = new FaultyEngine(Fault.CloseAtOnce);

        var error = SingleError(_f.Run($"Get-Container -DockerHost {closing.Host}"));

        Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId);
        Assert.DoesNotContain("Sequence contains no elements", error.Exception.Message);
    }

    [Fact]
    public void APlainWebServer_IsNotADockerEngine_NotAMissingContainer()
    {
        using var web = new FaultyEngine(Fault.PlainWebServer);

        var error = SingleError(_f.Run($"Get-ContainerDetail web -DockerHost {web.Host}"));

        Assert.StartsWith("EngineResponseInvalid", error.FullyQualifiedErrorId);
        Assert.Contains("not a Docker engine", error.Exception.Message);
        Assert.DoesNotContain("<html>", error.Exception.Message);
    }

    [Theory]
    [InlineData(Fault.NotJson)]
    [InlineData(Fault.WrongShape)]
    public void AnswersOfTheWrongShape_AreEngineResponseInvalid_NeverAnEmptyObject(Fault fault)
    {
        using var odd = new FaultyEngine(fault);

        var result = _f.Run($"Get-ContainerDetail web -DockerHost {odd.Host}");

        Assert.Empty(result.Output);
        var error = SingleError(result);
        Assert.StartsWith("EngineResponseInvalid", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void AMissingUnixSocket_SaysNoEngineListensThere()
    {
        var error = SingleError(_f.Run("Get-Container -DockerHost unix:///tmp/psdocker-no-such-engine.sock"));

        Assert.StartsWith("EngineUnreachable", error.FullyQualifiedErrorId);
        Assert.Contains("no engine listens there", error.Exception.Message);
    }

    [Fact]
    public void InvokeContainer_AgainstAnUnreachableEngine_Sets125_NotAStaleCode()
    {
        var result = _f.Run("$global:LASTEXITCODE = 0; Invoke-Container $TestImage -Command true -DockerHost unix:///tmp/psdocker-no-such-engine.sock; $global:LASTEXITCODE");

        Assert.Equal(125, (int)Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void InvokeContainerExec_AgainstAnUnreachableEngine_Sets125_NotAStaleCode()
    {
        var result = _f.Run("$global:LASTEXITCODE = 0; Invoke-ContainerExec web -Command true -DockerHost unix:///tmp/psdocker-no-such-engine.sock; $global:LASTEXITCODE");

        Assert.Equal(125, (int)Assert.Single(result.Output).BaseObject);
    }

    [Theory]
    [InlineData("-Port '80:80:80:80'")]
    [InlineData("-Image BusyBox")]
    public void InvokeContainer_ThatCannotStart_Sets125(string arguments)
    {
        var image = arguments.StartsWith("-Image", StringComparison.Ordinal) ? string.Empty : "-Image $TestImage ";
        var result = _f.Run($"$global:LASTEXITCODE = 0; Invoke-Container {image}{arguments} -Command true -Label $TestLabel; $global:LASTEXITCODE");

        Assert.Equal(125, (int)result.Output.Last().BaseObject);
    }

    [Fact]
    public void InvokeContainerExec_ACommandThatCannotStart_IsAnErrorRecord_NotOutput()
    {
        var name = _f.UniqueName("execfail");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($"Invoke-ContainerExec {name} -Command /no/such/program; $global:LASTEXITCODE");

        Assert.Equal(126, (int)Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ContainerCommandNotStarted", error.FullyQualifiedErrorId);
        Assert.Contains("/no/such/program", error.Exception.Message);
    }

    [Fact]
    public void InvokeContainer_InteractiveTty_FailsAtOnce_InsteadOfHanging()
    {
        var clock = Stopwatch.StartNew();
        var result = _f.Run("Invoke-Container $TestImage -Interactive -Tty -Command sh -Label $TestLabel");
        clock.Stop();

        Assert.StartsWith("InteractiveTerminalNotSupported", SingleError(result).FullyQualifiedErrorId);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ErrorsName_AContainerAsTheUserKnowsIt_NotByItsFullId()
    {
        var name = _f.UniqueName("named");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(0));
        _f.WaitForExit(name);

        var error = Assert.Single(_f.Run($"Get-Container {name} | Stop-Container -Signal HUP").Errors);

        Assert.StartsWith("ContainerNotRunning", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(id, error.Exception.Message);
        Assert.Contains(name, error.Exception.Message);
    }

    [Fact]
    public void Verbose_NamesTheEngineAndTheSteps()
    {
        var result = _f.Run("Invoke-Container $TestImage -Command true -Remove -Label $TestLabel -Verbose 4>&1 | ForEach-Object { \"$_\" }");

        var text = string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.Contains("Engine: ", text);
        Assert.Contains("Creating a container", text);
        Assert.Contains("Starting container", text);
        Assert.Contains("Waiting for container", text);
    }
}
