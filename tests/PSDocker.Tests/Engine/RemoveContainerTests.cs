using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Remove-Container (docker rm, rm -f -v, container prune) against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class RemoveContainerTests
{
    private readonly EngineFixture _f;

    public RemoveContainerTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void RemoveContainer_RemovesStoppedContainers_AndEmitsNothing()
    {
        var created = _f.UniqueName("rm");
        var exited = _f.UniqueName("rmexited");
        _f.CreateContainer(created, TestCommands.ExitsWith(0), start: false);
        _f.CreateContainer(exited, TestCommands.ExitsWith(3));
        _f.WaitForExit(exited);

        var result = _f.Run($"Remove-Container {created}, {exited} -Confirm:$false").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Null(_f.Inspect(created));
        Assert.Null(_f.Inspect(exited));
    }

    [Fact]
    public void RemoveContainer_WithoutForce_OnRunning_WritesResourceBusyAndKeepsIt()
    {
        var running = _f.UniqueName("rmrunning");
        var stopped = _f.UniqueName("rmbeside");
        _f.CreateContainer(running, TestCommands.Responsive);
        _f.CreateContainer(stopped, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"Remove-Container {running}, {stopped} -Confirm:$false");

        var error = SingleError(result, "ContainerRunning", "RemoveContainerCommand", ErrorCategory.ResourceBusy, running);
        Assert.Contains("running container", error.Exception.Message);
        Assert.True(_f.StateOf(running).Running);
        Assert.Null(_f.Inspect(stopped));
    }

    [Fact]
    public async Task RemoveContainer_ForceVolume_RemovesRunningContainerAndItsAnonymousVolume()
    {
        var name = _f.UniqueName("rmforce");
        var created = await _f.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = EngineFixture.TestImage,
            Cmd = TestCommands.Responsive,
            Labels = _f.Labels,
            Volumes = new Dictionary<string, EmptyStruct> { ["/data"] = default },
        });
        await _f.Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        var volume = Assert.Single(_f.Inspect(name)!.Mounts!).Name!;
        Assert.True(_f.VolumeExists(volume));

        _f.Run($"Remove-Container {name} -Force -Volume -Confirm:$false").AssertNoErrors();

        Assert.Null(_f.Inspect(name));
        Assert.False(_f.VolumeExists(volume));
    }

    [Fact]
    public void RemoveContainer_WhatIf_ChangesNothing()
    {
        var name = _f.UniqueName("rmwhatif");
        _f.CreateContainer(name, TestCommands.Responsive);

        _f.Run($"Remove-Container {name} -Force -WhatIf").AssertNoErrors();

        Assert.True(_f.StateOf(name).Running);
    }

    [Fact]
    public void RemoveContainer_PipedExitedContainers_ForceVolume_RemovesExactlyThose()
    {
        var scope = CaseScope.New();
        var exited = new[] { _f.UniqueName("pipeexited"), _f.UniqueName("pipeexited") };
        var running = _f.UniqueName("pipeexitedrunning");
        foreach (var name in exited)
        {
            _f.CreateContainer(name, TestCommands.ExitsWith(1), extraLabels: scope.Labels);
            _f.WaitForExit(name);
        }

        _f.CreateContainer(running, TestCommands.Responsive, extraLabels: scope.Labels);

        _f.Run($"Get-Container -Label $TestLabelFilter, '{scope.Filter}' -Status Exited | Remove-Container -Force -Volume -Confirm:$false").AssertNoErrors();

        Assert.All(exited, name => Assert.Null(_f.Inspect(name)));
        Assert.True(_f.StateOf(running).Running);
    }

    [Fact]
    public void RemoveContainer_Prune_RemovesOnlyStoppedMatchingContainers_AndReportsThem()
    {
        var scope = CaseScope.New();
        var stopped = _f.UniqueName("prune");
        var exited = _f.UniqueName("pruneexited");
        var running = _f.UniqueName("prunerunning");
        var outside = _f.UniqueName("pruneoutside");
        var stoppedId = _f.CreateContainer(stopped, TestCommands.ExitsWith(0), start: false, extraLabels: scope.Labels);
        var exitedId = _f.CreateContainer(exited, TestCommands.ExitsWith(2), extraLabels: scope.Labels);
        _f.WaitForExit(exited);
        _f.CreateContainer(running, TestCommands.Responsive, extraLabels: scope.Labels);
        _f.CreateContainer(outside, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"Remove-Container -Prune -Filter @{{ label = $TestLabelFilter, '{scope.Filter}' }} -Confirm:$false").AssertNoErrors();

        var pruned = Assert.Single(result.Objects<PruneResult>());
        Assert.Equal("Container", pruned.ResourceType);
        Assert.Equal(new[] { exitedId, stoppedId }.OrderBy(i => i), pruned.Deleted.OrderBy(i => i));
        Assert.True(pruned.SpaceReclaimed >= 0);
        Assert.Equal(EngineFixture.EngineHost, pruned.Engine.Uri.ToString().TrimEnd('/'));
        Assert.Null(_f.Inspect(stopped));
        Assert.Null(_f.Inspect(exited));
        Assert.True(_f.StateOf(running).Running);
        Assert.NotNull(_f.Inspect(outside));
    }

    [Fact]
    public void RemoveContainer_Prune_LabelSugar_AndUntil_KeepRecentContainers()
    {
        var scope = CaseScope.New();
        var name = _f.UniqueName("pruneuntil");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false, extraLabels: scope.Labels);

        // Created just now: not older than 24 hours, so kept.
        var kept = Assert.Single(_f.Run($"Remove-Container -Prune -Label $TestLabelFilter, '{scope.Filter}' -Filter @{{ until = '24h' }} -Confirm:$false").AssertNoErrors().Objects<PruneResult>());
        Assert.Empty(kept.Deleted);
        Assert.NotNull(_f.Inspect(name));

        // A DateTime: everything created before it.
        var gone = Assert.Single(_f.Run($"Remove-Container -Prune -Label $TestLabelFilter, '{scope.Filter}' -Filter @{{ until = [datetime]::Now.AddMinutes(1) }} -Confirm:$false").AssertNoErrors().Objects<PruneResult>());
        Assert.Single(gone.Deleted);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void RemoveContainer_Prune_WhatIf_RemovesNothing()
    {
        var scope = CaseScope.New();
        var name = _f.UniqueName("prunewhatif");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false, extraLabels: scope.Labels);

        var result = _f.Run($"Remove-Container -Prune -Filter @{{ label = '{scope.Filter}' }} -WhatIf").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.NotNull(_f.Inspect(name));
    }

    [Fact]
    public void RemoveContainer_Prune_UnknownFilter_IsATerminatingInvalidPruneFilter()
    {
        var result = _f.Run("try { Remove-Container -Prune -Filter @{ status = 'exited' } -Confirm:$false; 'not reached' } catch { $_ }");

        var error = Terminating(result, "InvalidPruneFilter", "RemoveContainerCommand", ErrorCategory.InvalidArgument);
        Assert.Contains("'status'", error.Exception.Message);
    }
}
