using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Get-ContainerEngine, Get-ContainerEngineUsage, Get-ContainerEngineEvent and Clear-ContainerEngine against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class EngineSystemTests
{
    private readonly EngineFixture _f;

    public EngineSystemTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void GetContainerEngine_IsDockerInfoAndVersion_WithTheClientSide()
    {
        var engine = Assert.Single(_f.Run("Get-ContainerEngine").AssertNoErrors().Objects<EngineInfo>());

        var version = _f.Docker.System.GetVersionAsync().GetAwaiter().GetResult();
        var info = _f.Docker.System.GetSystemInfoAsync().GetAwaiter().GetResult();
        Assert.Equal(version.Version, engine.ServerVersion);
        Assert.Equal(System.Version.Parse(version.APIVersion), engine.ApiVersion);
        Assert.Equal(System.Version.Parse(version.MinAPIVersion), engine.MinimumApiVersion);
        Assert.NotNull(engine.NegotiatedApiVersion);
        Assert.True(engine.NegotiatedApiVersion <= engine.ApiVersion);
        Assert.Equal(info.ID, engine.Id);
        Assert.Equal(info.Name, engine.Name);
        Assert.Equal(info.NCPU, engine.Cpus);
        Assert.Equal(info.MemTotal, engine.Memory);
        Assert.Equal(info.Driver, engine.StorageDriver);
        Assert.Equal(info.CgroupDriver, engine.CgroupDriver);
        Assert.Equal(info.KernelVersion, engine.KernelVersion);
        Assert.Equal(info.Swarm.LocalNodeState, engine.SwarmState);
        Assert.Equal(info.RegistryConfig.InsecureRegistryCIDRs.Select(c => c.ToString()), engine.InsecureRegistries.Take(info.RegistryConfig.InsecureRegistryCIDRs.Count));
        Assert.True(engine.Containers >= engine.ContainersRunning + engine.ContainersPaused);
        Assert.Equal(typeof(EngineInfo).Assembly.GetName().Version, engine.ClientVersion);
        Assert.Equal(new Uri(EngineFixture.EngineHost), engine.Endpoint);
        Assert.NotNull(engine.Engine);
    }

    [Fact]
    public void GetContainerEngine_CountsTheRunsRunningContainer()
    {
        _f.CreateContainer(_f.UniqueName("engcount"), new[] { "sleep", "300" });
        var engine = Assert.Single(_f.Run("Get-ContainerEngine").AssertNoErrors().Objects<EngineInfo>());
        Assert.True(engine.ContainersRunning >= 1);
        Assert.True(engine.Images >= 1);
    }

    [Fact]
    public void GetContainerEngineUsage_IsTheFourLinesOfSystemDf_WithTheRunsContainerInTheDetail()
    {
        var name = _f.UniqueName("df");
        var id = _f.CreateContainer(name, new[] { "sh", "-c", "echo data > /written; sleep 300" });
        Thread.Sleep(500);

        var usage = _f.Run("Get-ContainerEngineUsage -Detailed").AssertNoErrors().Objects<EngineUsage>();

        Assert.Equal(new[] { "Images", "Containers", "Local Volumes", "Build Cache" }, usage.Select(u => u.Type));
        Assert.All(usage, u => Assert.InRange(u.Reclaimable, 0, Math.Max(u.Size, 0)));
        Assert.All(usage, u => Assert.True(u.Active <= u.TotalCount));
        var containers = usage[1];
        Assert.True(containers.TotalCount >= 1);
        var mine = Assert.Single(containers.Items!, i => i.Id == id);
        Assert.Equal(name, mine.Name);
        Assert.True(mine.Active);
        Assert.True(mine.Size > 0, "the container wrote a file: its writable layer has a size");
        var images = usage[0];
        var testImage = _f.Docker.Images.InspectImageAsync(EngineFixture.TestImage).GetAwaiter().GetResult();
        var image = Assert.Single(images.Items!, i => i.Id == testImage.ID);
        Assert.True(image.Active);
        Assert.True(image.Links >= 1);
        Assert.Equal(images.Size > 0 ? (int)(images.Reclaimable * 100 / images.Size) : 0, images.ReclaimablePercent);
    }

    [Fact]
    public void GetContainerEngineUsage_WithoutDetailed_HasNoItems()
    {
        var usage = _f.Run("Get-ContainerEngineUsage").AssertNoErrors().Objects<EngineUsage>();
        Assert.Equal(4, usage.Count);
        Assert.All(usage, u => Assert.Null(u.Items));
    }

    [Fact]
    public void GetContainerEngineEvent_WithoutFollow_ReturnsTheEventsUpToNow_AndEnds()
    {
        var before = DateTime.Now.AddSeconds(-1);
        var name = _f.UniqueName("events");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(3));
        _f.WaitExit(id);

        var result = _f.Run(
            "param($since, $name, $label) Get-ContainerEngineEvent -Since $since -Filter @{ type = 'container'; container = $name; label = $label }",
            new Dictionary<string, object?> { ["since"] = before, ["name"] = name, ["label"] = EngineFixture.LabelKey + "=" + _f.RunId });
        var events = result.AssertNoErrors().Objects<EngineEvent>();

        Assert.Contains("create", events.Select(e => e.Action));
        Assert.Contains("start", events.Select(e => e.Action));
        var die = Assert.Single(events, e => e.Action == "die");
        Assert.Equal("3", die.ActorAttributes["exitCode"]);
        Assert.All(events, e =>
        {
            Assert.Equal("container", e.Type);
            Assert.Equal(id, e.ActorId);
            Assert.Equal(name, e.ActorName);
            Assert.Equal("local", e.Scope);
            Assert.InRange(e.Time, before, DateTime.Now);
        });
        Assert.Equal(events.OrderBy(e => e.Time).Select(e => e.Action), events.Select(e => e.Action));
    }

    [Fact]
    public void GetContainerEngineEvent_Follow_WritesEventsAsTheyHappen_AndCtrlCEndsIt()
    {
        var name = _f.UniqueName("evfollow");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);
        using var pipeline = new StreamingPipeline(_f.Runspace, $"Get-ContainerEngineEvent -Follow -Filter @{{ container = '{id}'; event = 'start' }}");
        Thread.Sleep(1000);
        Assert.False(pipeline.IsCompleted);

        _f.Docker.Containers.StartContainerAsync(id, new ContainerStartParameters()).GetAwaiter().GetResult();

        Assert.True(pipeline.WaitFor(o => o.Count > 0, TimeSpan.FromSeconds(30)), "the start event did not arrive");
        var started = Assert.IsType<EngineEvent>(pipeline.Output[0].BaseObject);
        Assert.Equal("start", started.Action);
        Assert.Equal(id, started.ActorId);
        Assert.False(pipeline.IsCompleted);

        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(1.5), $"Ctrl+C took {took}");
    }

    [Fact]
    public void GetContainerEngineEvent_Follow_WithUntil_EndsThere()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _f.Run("Get-ContainerEngineEvent -Follow -Until ([DateTime]::Now.AddSeconds(2)) -Filter @{ type = 'daemon'; event = 'nosuch' }").AssertNoErrors();
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("@{ bogus = 'x' }", "InvalidEventFilter")]
    [InlineData("@{ until = '1h' }", "InvalidEventFilter")]
    [InlineData("@{ type = '' }", "InvalidEventFilter")]
    public void GetContainerEngineEvent_BadFilter_IsTerminating_InvalidArgument(string filter, string errorId)
    {
        var result = _f.Run($"try {{ Get-ContainerEngineEvent -Filter {filter}; 'not reached' }} catch {{ $_ }}");
        Terminating(result, errorId, "GetContainerEngineEventCommand", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void GetContainerEngineEvent_UntilBeforeSince_IsInvalidTimeRange()
    {
        var result = _f.Run("try { Get-ContainerEngineEvent -Since 1h -Until 2h; 'not reached' } catch { $_ }");
        Terminating(result, "InvalidTimeRange", "GetContainerEngineEventCommand", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void ClearContainerEngine_WhatIf_RemovesNothing()
    {
        var name = _f.UniqueName("clearwhatif");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run("Clear-ContainerEngine -All -Volume -WhatIf").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.NotNull(_f.Inspect(id));
    }

    [Fact]
    public void ClearContainerEngine_VolumeWithUntil_IsInvalidPruneFilter()
    {
        var result = _f.Run("try { Clear-ContainerEngine -Volume -Filter @{ until = '24h' } -WhatIf; 'not reached' } catch { $_ }");
        Terminating(result, "InvalidPruneFilter", "ClearContainerEngineCommand", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void ClearContainerEngine_UnknownFilter_IsInvalidPruneFilter()
    {
        var result = _f.Run("try { Clear-ContainerEngine -Filter @{ dangling = 'true' } -WhatIf; 'not reached' } catch { $_ }");
        Terminating(result, "InvalidPruneFilter", "ClearContainerEngineCommand", ErrorCategory.InvalidArgument);
    }

    /// <summary>
    /// An engine-wide prune: only against a private engine started by tools/engine.sh (its data root lives
    /// in /tmp/psdocker-engine.*), never against a shared one, where it would remove other people's work.
    /// </summary>
    [Fact]
    public void ClearContainerEngine_OnAPrivateEngine_RemovesStoppedContainersAndUnusedNetworks_AndKeepsWhatIsUsed()
    {
        var info = _f.Docker.System.GetSystemInfoAsync().GetAwaiter().GetResult();
        if (!info.DockerRootDir.StartsWith("/tmp/psdocker-engine.", StringComparison.Ordinal))
        {
            // Not a private engine: the prune is not run (see the summary).
            return;
        }

        var stopped = _f.CreateContainer(_f.UniqueName("prunestopped"), TestCommands.ExitsWith(0), start: false);
        var running = _f.CreateContainer(_f.UniqueName("prunerunning"), new[] { "sleep", "300" });
        var unused = _f.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = _f.UniqueName("pruneunused"), Labels = _f.Labels }).GetAwaiter().GetResult().ID;
        var volume = _f.Docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = _f.UniqueName("prunevol"), Labels = _f.Labels }).GetAwaiter().GetResult().Name;

        // Without -Force it asks first, like docker system prune; a host that cannot ask gets an error, and nothing goes.
        var asked = _f.Run("Clear-ContainerEngine");
        Assert.Contains(asked.Errors.Select(e => e.FullyQualifiedErrorId).Append(asked.Terminating?.ErrorRecord.FullyQualifiedErrorId ?? string.Empty), id => id.StartsWith("ConfirmationRequired", StringComparison.Ordinal));
        Assert.Empty(asked.Output);
        Assert.NotNull(_f.Inspect(stopped));

        var results = _f.Run("Clear-ContainerEngine -Force").AssertNoErrors().Objects<PruneResult>();

        Assert.Equal(new[] { "Container", "Network", "Image", "BuildCache" }, results.Select(r => r.ResourceType));
        Assert.Contains(stopped, results[0].Deleted);
        Assert.DoesNotContain(running, results[0].Deleted);
        Assert.Null(_f.Inspect(stopped));
        Assert.NotNull(_f.Inspect(running));
        Assert.ThrowsAny<Docker.DotNet.DockerApiException>(() => _f.Docker.Networks.InspectNetworkAsync(unused).GetAwaiter().GetResult());
        Assert.NotNull(_f.Docker.Volumes.InspectAsync(volume).GetAwaiter().GetResult());
        Assert.NotNull(_f.Docker.Images.InspectImageAsync(EngineFixture.TestImage).GetAwaiter().GetResult());

        // -Volume -All: unused volumes too (engines before API 1.42 prune named ones as well), and every unused image.
        var all = _f.Run("Clear-ContainerEngine -Volume -All -Confirm:$false").AssertNoErrors().Objects<PruneResult>();
        Assert.Equal(new[] { "Container", "Network", "Volume", "Image", "BuildCache" }, all.Select(r => r.ResourceType));
        var api = System.Version.Parse(_f.Docker.System.GetVersionAsync().GetAwaiter().GetResult().APIVersion);
        if (api < new System.Version(1, 42))
        {
            Assert.Contains(volume, all[2].Deleted);
            Assert.ThrowsAny<Docker.DotNet.DockerApiException>(() => _f.Docker.Volumes.InspectAsync(volume).GetAwaiter().GetResult());
        }

        Assert.NotNull(_f.Inspect(running));
        Assert.NotNull(_f.Docker.Images.InspectImageAsync(EngineFixture.TestImage).GetAwaiter().GetResult());
    }
}

/// <summary>Removes the networks and volumes this run's engine tests created, by the run label.</summary>
public sealed class EngineSystemCleanup : IRunCleanup
{
    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public void Remove(EngineFixture fixture)
    {
        var label = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [EngineFixture.LabelKey + "=" + fixture.RunId] = true } };
        foreach (var network in fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = label }).GetAwaiter().GetResult())
        {
            fixture.Docker.Networks.DeleteNetworkAsync(network.ID).GetAwaiter().GetResult();
        }

        foreach (var volume in fixture.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = label }).GetAwaiter().GetResult().Volumes ?? new List<VolumeResponse>())
        {
            fixture.Docker.Volumes.RemoveAsync(volume.Name).GetAwaiter().GetResult();
        }
    }
}
