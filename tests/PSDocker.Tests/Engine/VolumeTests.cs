using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// The volume cmdlets (docker volume ls/inspect/create/rm/prune) and named volumes in -Volume, against
/// the real engine.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class VolumeTests
{
    private readonly EngineFixture _f;

    public VolumeTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public async Task NewContainerVolume_WithNameDriverOptionsAndLabels_CreatesAndEmitsIt()
    {
        var name = _f.UniqueName("vol");

        var result = _f.Run($"New-ContainerVolume {name} -DriverOption @{{ type = 'tmpfs'; device = 'tmpfs'; o = 'size=1m' }} -Label ($TestLabel + @{{ tier = 'db' }})").AssertNoErrors();

        var emitted = Assert.Single(result.Objects<ContainerVolume>());
        var volume = await _f.Docker.Volumes.InspectAsync(name);
        Assert.Equal((name, "local"), (emitted.Name, emitted.Driver));
        Assert.Equal("db", volume.Labels["tier"]);
        Assert.Equal(_f.RunId, volume.Labels[EngineFixture.LabelKey]);
        Assert.Equal("tmpfs", volume.Options["type"]);
        Assert.Equal("size=1m", emitted.Options["o"]);
        Assert.Equal(volume.Mountpoint, emitted.Mountpoint);
        Assert.Equal("local", emitted.Scope);
        Assert.NotNull(emitted.Created);
        Assert.InRange(emitted.Created!.Value, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(1));
    }

    [Fact]
    public void NewContainerVolume_WithoutName_TheEngineNamesIt()
    {
        var result = _f.Run("New-ContainerVolume -Label $TestLabel").AssertNoErrors();

        var emitted = Assert.Single(result.Objects<ContainerVolume>());
        Assert.Matches("^[0-9a-f]{64}$", emitted.Name);
        Assert.True(_f.VolumeExists(emitted.Name));
    }

    [Fact]
    public void NewContainerVolume_WhatIf_CreatesNothing()
    {
        var name = _f.UniqueName("volwhatif");

        _f.Run($"New-ContainerVolume {name} -Label $TestLabel -WhatIf").AssertNoErrors();

        Assert.False(_f.VolumeExists(name));
    }

    [Fact]
    public async Task GetContainerVolume_ListsByLabelWildcardAndExactName_AndReportsUnknownNames()
    {
        var scope = CaseScope.New();
        var first = _f.UniqueName("volget");
        var second = _f.UniqueName("volget");
        await CreateVolumeAsync(first, scope.Labels);
        await CreateVolumeAsync(second, scope.Labels);
        var missing = _f.UniqueName("volmissing");

        var byLabel = _f.Run($"Get-ContainerVolume -Label '{scope.Filter}'").AssertNoErrors().Objects<ContainerVolume>();
        var byWildcard = _f.Run($"Get-ContainerVolume 'psd-volget-{_f.RunId}-*' -Label '{scope.Filter}'").AssertNoErrors().Objects<ContainerVolume>();
        var byName = _f.Run($"Get-ContainerVolume {first}, {missing}, {first[..^2]}");

        Assert.Equal(new[] { first, second }.OrderBy(n => n, StringComparer.Ordinal), byLabel.Select(v => v.Name));
        Assert.Equal(byLabel.Select(v => v.Name), byWildcard.Select(v => v.Name));
        Assert.Equal(first, Assert.Single(byName.Objects<ContainerVolume>()).Name);
        Assert.Equal(new object[] { missing, first[..^2] }, byName.Errors.Select(e => e.TargetObject));
        Assert.All(byName.Errors, e => Assert.Equal("VolumeNotFound,PSDocker.Commands.GetContainerVolumeCommand", e.FullyQualifiedErrorId));
    }

    [Fact]
    public async Task GetContainerVolume_Dangling_ListsOnlyVolumesNoContainerUses()
    {
        var scope = CaseScope.New();
        var used = _f.UniqueName("volused");
        var unused = _f.UniqueName("volunused");
        await CreateVolumeAsync(used, scope.Labels);
        await CreateVolumeAsync(unused, scope.Labels);
        await CreateContainerUsingAsync(used);

        var dangling = _f.Run($"Get-ContainerVolume -Dangling -Label '{scope.Filter}'").AssertNoErrors().Objects<ContainerVolume>();

        Assert.Equal(unused, Assert.Single(dangling).Name);
    }

    [Fact]
    public void NamedVolume_KeepsWhatOneContainerWrote_ForTheNext()
    {
        var name = _f.UniqueName("voldata");
        _f.Run($"New-ContainerVolume {name} -Label $TestLabel").AssertNoErrors();

        _f.Run($"Invoke-Container $TestImage -Volume '{name}:/data' -Remove -Label $TestLabel -Command sh, -c, 'echo kept-across-containers > /data/note'").AssertNoErrors();
        var read = _f.Run($"Invoke-Container $TestImage -Volume '{name}:/data:ro' -Remove -Label $TestLabel -Command cat, /data/note").AssertNoErrors();

        Assert.Equal(new[] { "kept-across-containers" }, read.Output.Select(o => o.ToString()));
    }

    [Fact]
    public async Task NamedVolume_NotCreatedFirst_IsCreatedByTheEngineOnUse()
    {
        var name = _f.UniqueName("volimplicit");

        _f.Run($"Invoke-Container $TestImage -Volume '{name}:/data' -Remove -Label $TestLabel -Command true").AssertNoErrors();

        Assert.True(_f.VolumeExists(name));
        await _f.Docker.Volumes.RemoveAsync(name); // not labelled: the run cleanup would not see it
    }

    [Fact]
    public async Task RemoveContainerVolume_RemovesPipedVolumes_AndEmitsNothing()
    {
        var scope = CaseScope.New();
        var first = _f.UniqueName("volrm");
        var second = _f.UniqueName("volrm");
        await CreateVolumeAsync(first, scope.Labels);
        await CreateVolumeAsync(second, scope.Labels);

        var result = _f.Run($"Get-ContainerVolume -Label '{scope.Filter}' | Remove-ContainerVolume").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.False(_f.VolumeExists(first));
        Assert.False(_f.VolumeExists(second));
    }

    [Fact]
    public async Task RemoveContainerVolume_InUse_WritesVolumeInUseAndKeepsIt_EvenWithForce()
    {
        var used = _f.UniqueName("volinuse");
        await CreateVolumeAsync(used);
        await CreateContainerUsingAsync(used);

        var plain = _f.Run($"Remove-ContainerVolume {used}");
        var forced = _f.Run($"Remove-ContainerVolume {used} -Force");

        var error = SingleError(plain, "VolumeInUse", "RemoveContainerVolumeCommand", ErrorCategory.ResourceBusy, used);
        Assert.Contains("in use", error.Exception.Message);
        SingleError(forced, "VolumeInUse", "RemoveContainerVolumeCommand", ErrorCategory.ResourceBusy, used);
        Assert.True(_f.VolumeExists(used));
    }

    [Fact]
    public void RemoveContainerVolume_Unknown_WritesVolumeNotFound_ButNotWithForce()
    {
        var missing = _f.UniqueName("volnone");

        var plain = _f.Run($"Remove-ContainerVolume {missing}");
        var forced = _f.Run($"Remove-ContainerVolume {missing} -Force");

        SingleError(plain, "VolumeNotFound", "RemoveContainerVolumeCommand", ErrorCategory.ObjectNotFound, missing);
        forced.AssertNoErrors();
    }

    [Fact]
    public async Task RemoveContainerVolume_Prune_OverApi141_RemovesUnusedNamedAndAnonymousVolumesOfTheLabel()
    {
        var scope = CaseScope.New();
        var named = _f.UniqueName("volprune");
        var used = _f.UniqueName("volpruneused");
        var outside = _f.UniqueName("volpruneout");
        await CreateVolumeAsync(named, scope.Labels);
        var anonymous = await CreateVolumeAsync(null, scope.Labels);
        await CreateVolumeAsync(used, scope.Labels);
        await CreateVolumeAsync(outside);
        await CreateContainerUsingAsync(used);

        var result = _f.Run($"Remove-ContainerVolume -Prune -Label '{scope.Filter}' -Force").AssertNoErrors();

        var pruned = Assert.Single(result.Objects<PruneResult>());
        Assert.Equal("Volume", pruned.ResourceType);
        Assert.Equal(new[] { anonymous, named }.OrderBy(n => n, StringComparer.Ordinal), pruned.Deleted.OrderBy(n => n, StringComparer.Ordinal));
        Assert.False(_f.VolumeExists(named));
        Assert.False(_f.VolumeExists(anonymous));
        Assert.True(_f.VolumeExists(used));
        Assert.True(_f.VolumeExists(outside));
    }

    [Fact]
    public void RemoveContainerVolume_PruneWithUntilFilter_IsATerminatingError()
    {
        // docker volume prune takes no 'until' over API 1.41.
        var result = _f.Run("try { Remove-ContainerVolume -Prune -Filter @{ until = '24h' } -Force } catch { $_ }");

        Terminating(result, "InvalidPruneFilter", "RemoveContainerVolumeCommand", ErrorCategory.InvalidArgument);
    }

    private async Task<string> CreateVolumeAsync(string? name, IDictionary<string, string>? extraLabels = null)
    {
        var labels = _f.Labels;
        foreach (var l in extraLabels ?? new Dictionary<string, string>())
        {
            labels[l.Key] = l.Value;
        }

        return (await _f.Docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = name!, Labels = labels })).Name;
    }

    private async Task CreateContainerUsingAsync(string volume) =>
        await _f.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = _f.UniqueName("voluser"),
            Image = EngineFixture.TestImage,
            Cmd = TestCommands.ExitsWith(0),
            Labels = _f.Labels,
            HostConfig = new HostConfig { Binds = new List<string> { volume + ":/data" } },
        });
}

/// <summary>Removes the volumes this run created (after its containers are gone).</summary>
public sealed class VolumeRunCleanup : IRunCleanup
{
    public int Order => 20;

    public void Remove(EngineFixture fixture)
    {
        var volumes = fixture.Docker.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [EngineFixture.LabelKey + "=" + fixture.RunId] = true } },
        }).GetAwaiter().GetResult();
        foreach (var volume in volumes.Volumes ?? new List<VolumeResponse>())
        {
            try
            {
                fixture.Docker.Volumes.RemoveAsync(volume.Name, force: true).GetAwaiter().GetResult();
            }
            catch (DockerApiException)
            {
                // Gone already, or still used by a container another test left.
            }
        }
    }
}
