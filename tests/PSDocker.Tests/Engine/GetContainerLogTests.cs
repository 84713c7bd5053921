using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class GetContainerLogTests
{
    private readonly EngineFixture _f;

    public GetContainerLogTests(EngineFixture fixture) => _f = fixture;

    private string Exited(string prefix, string script)
    {
        var name = _f.UniqueName(prefix);
        _f.CreateContainer(name, new[] { "sh", "-c", script });
        _f.WaitExit(name);
        return name;
    }

    [Fact]
    public void GetContainerLog_EmitsTypedEntries_PerStream()
    {
        var name = Exited("log", "echo o1; echo e1 >&2; sleep 0.1; echo o2");
        var id = _f.Inspect(name)!.ID;

        var all = _f.Run($"Get-ContainerLog {name}").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(3, all.Count);
        Assert.Equal(new[] { "o1", "o2" }, all.Where(e => e.Stream == OutputStream.StdOut).Select(e => e.Message));
        Assert.Equal(new[] { "e1" }, all.Where(e => e.Stream == OutputStream.StdErr).Select(e => e.Message));
        Assert.All(all, e =>
        {
            Assert.Equal(name, e.ContainerName);
            Assert.Equal(id, e.ContainerId);
            Assert.Null(e.Timestamp);
            Assert.Equal(EngineFixture.EngineHost, e.Engine.Uri.ToString().TrimEnd('/'));
        });

        var stdout = _f.Run($"Get-ContainerLog {name} -StdOut").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "o1", "o2" }, stdout.Select(e => e.Message));
        var stderr = _f.Run($"Get-ContainerLog {name} -StdErr").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "e1" }, stderr.Select(e => e.Message));
    }

    [Fact]
    public void GetContainerLog_Tail_GivesTheLastLines()
    {
        var name = Exited("tail", "seq 1 20");
        var entries = _f.Run($"Get-ContainerLog {name} -Tail 10").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(Enumerable.Range(11, 10).Select(i => i.ToString()), entries.Select(e => e.Message));
        Assert.Empty(_f.Run($"Get-ContainerLog {name} -Tail 0").AssertNoErrors().Output);
    }

    [Fact]
    public void GetContainerLog_Timestamps_AreParsedOutOfTheMessage()
    {
        var before = DateTime.Now.AddMinutes(-5);
        var name = Exited("ts", "echo stamped");
        var entry = Assert.Single(_f.Run($"Get-ContainerLog {name} -Timestamps").AssertNoErrors().Objects<ContainerLogEntry>());
        Assert.Equal("stamped", entry.Message);
        Assert.NotNull(entry.Timestamp);
        Assert.Equal(DateTimeKind.Local, entry.Timestamp!.Value.Kind);
        Assert.InRange(entry.Timestamp.Value, before, DateTime.Now.AddMinutes(5));
    }

    [Fact]
    public void GetContainerLog_SinceAndUntil_TakeRelativeDurationsAndDates()
    {
        var name = Exited("since", "echo a; echo b");
        Assert.Equal(2, _f.Run($"Get-ContainerLog {name} -Since '10m'").AssertNoErrors().Output.Count);
        Assert.Empty(_f.Run($"Get-ContainerLog {name} -Until '1h30m'").AssertNoErrors().Output);
        Assert.Empty(_f.Run($"Get-ContainerLog {name} -Since ([DateTime]::Now.AddMinutes(5))").AssertNoErrors().Output);
        Assert.Equal(2, _f.Run($"Get-ContainerLog {name} -Until ([DateTime]::Now.AddMinutes(5))").AssertNoErrors().Output.Count);

        var bad = _f.Run($"try {{ Get-ContainerLog {name} -Since 'last tuesday' }} catch {{ $_ }}");
        var error = Assert.IsType<ErrorRecord>(Assert.Single(bad.Output).BaseObject);
        Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
        Assert.Contains("'last tuesday'", error.Exception.Message);
    }

    [Fact]
    public void GetContainerLog_LinesLongerThanAFrame_AndMultibyteText_ArriveWhole()
    {
        var name = Exited("long", "head -c 40000 /dev/zero | tr '\\0' x; echo; echo 'héllo wörld ✓'");
        var entries = _f.Run($"Get-ContainerLog {name}").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(2, entries.Count);
        Assert.Equal(new string('x', 40000), entries[0].Message);
        Assert.Equal("héllo wörld ✓", entries[1].Message);
    }

    [Fact]
    public async Task GetContainerLog_TtyContainer_ReadsTheRawStream()
    {
        var name = _f.UniqueName("tty");
        _f.Run($"New-Container $TestImage -Name {name} -Tty -Label $TestLabel -Command sh,-c,'echo out; echo err >&2'").AssertNoErrors();
        await _f.Docker.Containers.StartContainerAsync(name, new Docker.DotNet.Models.ContainerStartParameters());
        _f.WaitExit(name);

        var entries = _f.Run($"Get-ContainerLog {name}").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "out", "err" }, entries.Select(e => e.Message));
        Assert.All(entries, e => Assert.Equal(OutputStream.StdOut, e.Stream));
    }

    [Fact]
    public void GetContainerLog_Follow_StreamsUntilTheContainerStops()
    {
        var name = _f.UniqueName("follow");
        _f.CreateContainer(name, new[] { "sh", "-c", "for i in 1 2 3; do echo tick$i; sleep 0.3; done" });
        var entries = _f.Run($"Get-ContainerLog {name} -Follow").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "tick1", "tick2", "tick3" }, entries.Select(e => e.Message));
    }

    [Fact]
    public void GetContainerLog_Follow_WritesAsLinesArrive_AndCtrlCEndsIt()
    {
        var name = _f.UniqueName("follow");
        _f.CreateContainer(name, new[] { "sh", "-c", "echo first; sleep 300" });
        using var pipeline = new StreamingPipeline(_f.Runspace, $"Get-ContainerLog {name} -Follow");

        Assert.True(pipeline.WaitFor(o => o.Count > 0, TimeSpan.FromSeconds(30)));
        Assert.Equal("first", pipeline.Lines[0]);
        Assert.False(pipeline.IsCompleted);

        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(5), $"Ctrl+C took {took}");
    }

    [Fact]
    public void GetContainerLog_FollowSeveralContainers_Interleaves()
    {
        var a = _f.UniqueName("ila");
        var b = _f.UniqueName("ilb");
        // Both wait for the same wall-clock moments, so the order holds however slowly they start.
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 4;
        string Until(long when) => $"while [ $(date +%s) -lt {when} ]; do sleep 0.1; done";
        _f.CreateContainer(a, new[] { "sh", "-c", $"echo A1; {Until(t + 2)}; echo A2" });
        _f.CreateContainer(b, new[] { "sh", "-c", $"{Until(t)}; echo B1" });

        var entries = _f.Run($"Get-ContainerLog -Name {a}, {b} -Follow").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "A1", "B1", "A2" }, entries.Select(e => e.Message));
        Assert.Equal(new[] { a, b, a }, entries.Select(e => e.ContainerName));
    }

    [Fact]
    public void GetContainerLog_UnknownContainer_IsObjectNotFound_AndOthersStillLog()
    {
        var name = Exited("known", "echo here");
        var result = _f.Run($"Get-ContainerLog -Name nosuch-{_f.RunId}, {name}");
        Assert.Equal(new[] { "here" }, result.Objects<ContainerLogEntry>().Select(e => e.Message));
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNotFound,PSDocker.Commands.GetContainerLogCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal($"nosuch-{_f.RunId}", error.TargetObject);
    }

    [Fact]
    public void GetContainerLog_FromThePipeline()
    {
        var name = Exited("piped", "echo via-pipeline");
        var entries = _f.Run($"Get-Container -Name {name} | Get-ContainerLog").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal("via-pipeline", Assert.Single(entries).Message);
    }

    [Fact]
    public void GetContainerLog_FollowEndedEarlyByTheConsumer_ReturnsAtOnce()
    {
        var name = _f.UniqueName("first");
        _f.CreateContainer(name, new[] { "sh", "-c", "echo one; echo two; sleep 300" });
        var entries = _f.Run($"do {{ Get-ContainerLog {name} -Follow | ForEach-Object {{ $_; break }} }} while ($false)").AssertNoErrors().Objects<ContainerLogEntry>();
        Assert.Equal("one", Assert.Single(entries).Message);
    }

    [Fact]
    public void GetContainerLog_Timestamps_OnALineLongerThan16KiB_KeepsTheLineWhole()
    {
        var name = Exited("long", "head -c 40000 /dev/zero | tr '\\0' a; echo; echo short");

        var entries = _f.Run($"Get-ContainerLog {name} -Timestamps").AssertNoErrors().Objects<ContainerLogEntry>();

        Assert.Equal(2, entries.Count);
        Assert.Equal(new string('a', 40000), entries[0].Message);
        Assert.NotNull(entries[0].Timestamp);
        Assert.Equal("short", entries[1].Message);
    }
}
