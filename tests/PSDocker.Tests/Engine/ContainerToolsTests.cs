using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// The container tools against the real engine: Get-ContainerProcess (docker top), Get-ContainerStatistics
/// (docker stats), Get-ContainerChange (docker diff), Get-ContainerPort (docker port), Update-Container
/// (docker update). Each effect is checked independently through Docker.DotNet.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ContainerToolsTests
{
    private static readonly string[] Sleeper = { "sleep", "600" };

    private readonly EngineFixture _f;

    public ContainerToolsTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void GetContainerProcess_ListsTheContainersProcesses_Typed()
    {
        var name = _f.UniqueName("top");
        _f.CreateContainer(name, Sleeper);
        var pid = _f.Inspect(name)!.State!.Pid;

        var process = Assert.Single(_f.Run($"Get-ContainerProcess {name}").AssertNoErrors().Objects<ContainerProcess>());

        Assert.Equal((int)pid, process.Pid);
        Assert.Equal("sleep 600", process.Command);
        Assert.Equal(name, process.ContainerName);
        Assert.Equal(_f.Inspect(name)!.ID, process.ContainerId);
        Assert.NotNull(process.Ppid);
        Assert.Equal(TimeSpan.Zero, process.Time);
        Assert.Equal(8, process.Columns.Count);
    }

    [Fact]
    public void GetContainerProcess_PsArgs_KeepsEveryColumnByTitle()
    {
        var name = _f.UniqueName("topaux");
        _f.CreateContainer(name, Sleeper);

        var process = Assert.Single(_f.Run($"Get-ContainerProcess {name} -PsArgs aux").AssertNoErrors().Objects<ContainerProcess>());

        Assert.True(process.Columns.Contains("%CPU"));
        Assert.True(process.Columns.Contains("RSS"));
        Assert.Equal((int)_f.Inspect(name)!.State!.Pid, process.Pid);
    }

    [Fact]
    public void GetContainerProcess_StoppedContainer_WritesContainerNotRunning()
    {
        var name = _f.UniqueName("topstopped");
        _f.CreateContainer(name, Sleeper, start: false);

        var error = SingleError(_f.Run($"Get-ContainerProcess {name}"), "ContainerNotRunning", "GetContainerProcessCommand", ErrorCategory.InvalidOperation, name);

        Assert.Contains(name, error.Exception.Message);
        Assert.DoesNotContain(_f.Inspect(name)!.ID, error.Exception.Message);
    }

    [Fact]
    public void GetContainerProcess_Wildcard_PassesOverStoppedContainers()
    {
        var prefix = _f.UniqueName("topwild");
        _f.CreateContainer(prefix + "-up", Sleeper);
        _f.CreateContainer(prefix + "-down", Sleeper, start: false);

        var processes = _f.Run($"Get-ContainerProcess '{prefix}-*'").AssertNoErrors().Objects<ContainerProcess>();

        Assert.Equal(prefix + "-up", Assert.Single(processes).ContainerName);
    }

    [Fact]
    public void GetContainerStatistics_OneSample_HasTheContainersUse()
    {
        var name = _f.UniqueName("stats");
        _f.CreateContainer(name, Sleeper);

        var sample = Assert.Single(_f.Run($"Get-ContainerStatistics {name}").AssertNoErrors().Objects<ContainerStatistics>());

        Assert.Equal(name, sample.ContainerName);
        Assert.Equal(_f.Inspect(name)!.ID, sample.ContainerId);
        Assert.Equal(1, sample.Pids);
        Assert.True(sample.MemoryUsage > 0);
        Assert.True(sample.MemoryLimit >= sample.MemoryUsage);
        Assert.InRange(sample.MemoryPercent, 0.0, 100.0);
        Assert.InRange(sample.CpuPercent, 0.0, 1000.0);
        Assert.True(DateTime.Now - sample.Read < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void GetContainerStatistics_MemoryLimit_IsTheContainersLimit()
    {
        var name = _f.UniqueName("statslimit");
        var id = _f.CreateContainer(name, Sleeper, start: false);
        _f.Docker.Containers.UpdateContainerAsync(id, new ContainerUpdateParameters { Memory = 64L * 1024 * 1024, MemorySwap = 128L * 1024 * 1024 }).GetAwaiter().GetResult();
        _f.Docker.Containers.StartContainerAsync(id, new ContainerStartParameters()).GetAwaiter().GetResult();

        var sample = Assert.Single(_f.Run($"Get-ContainerStatistics {name}").AssertNoErrors().Objects<ContainerStatistics>());

        Assert.Equal(64L * 1024 * 1024, sample.MemoryLimit);
        Assert.Equal(sample.MemoryUsage * 100.0 / sample.MemoryLimit, sample.MemoryPercent, 10);
    }

    [Fact]
    public void GetContainerStatistics_StoppedContainer_WritesContainerNotRunning()
    {
        var name = _f.UniqueName("statsstopped");
        _f.CreateContainer(name, Sleeper, start: false);

        SingleError(_f.Run($"Get-ContainerStatistics {name}"), "ContainerNotRunning", "GetContainerStatisticsCommand", ErrorCategory.InvalidOperation, name);
        SingleError(_f.Run($"Get-ContainerStatistics {name} -Stream"), "ContainerNotRunning", "GetContainerStatisticsCommand", ErrorCategory.InvalidOperation, name);
    }

    [Fact]
    public void GetContainerStatistics_Stream_WritesSamplesAsTheyCome()
    {
        var name = _f.UniqueName("statsstream");
        _f.CreateContainer(name, Sleeper);

        using var pipeline = new StreamingPipeline(_f.Runspace, $"Get-ContainerStatistics {name} -Stream");
        Assert.True(pipeline.WaitFor(o => o.Count >= 2, TimeSpan.FromSeconds(10)), "two samples within 10 s");

        var samples = pipeline.Output.Take(2).Select(o => (ContainerStatistics)o.BaseObject).ToList();
        Assert.False(pipeline.IsCompleted);
        Assert.True(samples[1].Read > samples[0].Read);
        Assert.All(samples, s => Assert.Equal(name, s.ContainerName));
    }

    [Fact]
    public void GetContainerStatistics_Stream_EndsWithinASecondOfCtrlC()
    {
        var name = _f.UniqueName("statsctrlc");
        _f.CreateContainer(name, Sleeper);

        var took = StopAfter(_f, $"Get-ContainerStatistics {name} -Stream", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));

        Assert.True(took < TimeSpan.FromSeconds(1), took.ToString());
    }

    [Fact]
    public void GetContainerStatistics_PipesIntoStopContainer()
    {
        var name = _f.UniqueName("statspipe");
        _f.CreateContainer(name, TestCommands.Responsive);

        _f.Run($"Get-ContainerStatistics {name} | Stop-Container").AssertNoErrors();

        Assert.False(_f.StateOf(name).Running);
    }

    [Fact]
    public void GetContainerChange_ListsAddedChangedAndDeletedPaths()
    {
        var name = _f.UniqueName("diff");
        _f.CreateContainer(name, new[] { "sh", "-c", "echo x > /tmp/added.txt; rm /bin/yes; exec sleep 600" });
        WaitUntil(() => _f.Docker.Containers.InspectChangesAsync(name).GetAwaiter().GetResult().Count >= 3);

        var changes = _f.Run($"Get-ContainerChange {name}").AssertNoErrors().Objects<ContainerChange>();

        Assert.Contains(changes, c => c.Path == "/tmp/added.txt" && c.Kind == ContainerChangeKind.Added && c.ToString() == "A /tmp/added.txt");
        Assert.Contains(changes, c => c.Path == "/tmp" && c.Kind == ContainerChangeKind.Modified && c.KindCode == "C");
        Assert.Contains(changes, c => c.Path == "/bin/yes" && c.Kind == ContainerChangeKind.Deleted && c.KindCode == "D");
        Assert.All(changes, c => Assert.Equal(name, c.ContainerName));
    }

    [Fact]
    public void GetContainerPort_ListsThePublishedPorts_AndFiltersByPrivatePort()
    {
        var name = _f.UniqueName("port");
        var id = CreateWithPorts(name);

        var all = _f.Run($"Get-ContainerPort {name}").AssertNoErrors().Objects<PortMapping>();
        var udp = _f.Run($"Get-ContainerPort {name} -PrivatePort 53/udp").AssertNoErrors().Objects<PortMapping>();

        var bindings = _f.Inspect(id)!.NetworkSettings.Ports;
        Assert.Equal(2, all.Count);
        var tcp = Assert.Single(all, p => p.Protocol == "tcp");
        Assert.Equal(80, tcp.ContainerPort);
        Assert.Equal(int.Parse(bindings["80/tcp"][0].HostPort), tcp.HostPort);
        Assert.Equal("127.0.0.1", tcp.HostIp);
        Assert.Equal(53, Assert.Single(udp).ContainerPort);
    }

    [Fact]
    public void GetContainerPort_PortNotPublished_WritesPortNotPublished()
    {
        var name = _f.UniqueName("portnone");
        CreateWithPorts(name);

        SingleError(_f.Run($"Get-ContainerPort {name} 81"), "PortNotPublished", "GetContainerPortCommand", ErrorCategory.ObjectNotFound, name);
    }

    [Fact]
    public void GetContainerPort_InvalidPort_IsATerminatingInvalidPort()
    {
        var result = _f.Run("try { Get-ContainerPort whatever 'http/tcp'; 'not reached' } catch { $_ }");

        Assert.Equal("http/tcp", Terminating(result, "InvalidPort", "GetContainerPortCommand", ErrorCategory.InvalidArgument).TargetObject);
    }

    [Fact]
    public void UpdateContainer_ChangesMemoryCpusAndRestartPolicy()
    {
        var name = _f.UniqueName("update");
        var id = _f.CreateContainer(name, Sleeper);

        var updated = Assert.Single(_f.Run($"Update-Container {name} -Memory 96MB -MemorySwap 192MB -Cpus 0.5 -RestartPolicy on-failure:3 -PassThru").AssertNoErrors().Objects<Container>());

        var host = _f.Inspect(id)!.HostConfig;
        Assert.Equal(96L * 1024 * 1024, host.Memory);
        Assert.Equal(192L * 1024 * 1024, host.MemorySwap);
        Assert.Equal(500_000_000L, host.NanoCPUs);
        Assert.Equal(RestartPolicyKind.OnFailure, host.RestartPolicy.Name);
        Assert.Equal(3, host.RestartPolicy.MaximumRetryCount);
        Assert.Equal(id, updated.Id);
    }

    [Fact]
    public void UpdateContainer_DockerSizes_AndWhatIf()
    {
        var name = _f.UniqueName("updatewhatif");
        var id = _f.CreateContainer(name, Sleeper, start: false);

        _f.Run($"Update-Container {name} -Memory '64m' -MemorySwap -1 -WhatIf").AssertNoErrors();
        Assert.Equal(0, _f.Inspect(id)!.HostConfig.Memory);

        _f.Run($"Update-Container {name} -Memory '64m' -MemorySwap -1").AssertNoErrors();
        Assert.Equal(64L * 1024 * 1024, _f.Inspect(id)!.HostConfig.Memory);
        Assert.Equal(-1, _f.Inspect(id)!.HostConfig.MemorySwap);
    }

    [Fact]
    public void UpdateContainer_MemoryAboveTheSwapLimit_WritesMemorySwapConflict_LikeDockerUpdate()
    {
        var name = _f.UniqueName("updateswap");
        var id = _f.CreateContainer(name, Sleeper, start: false);

        var error = SingleError(_f.Run($"Update-Container {name} -Memory 64MB"), "MemorySwapConflict", "UpdateContainerCommand", ErrorCategory.InvalidArgument, name);

        Assert.Contains("-MemorySwap", error.Exception.Message);
        Assert.Equal(0, _f.Inspect(id)!.HostConfig.Memory);
    }

    [Fact]
    public void UpdateContainer_UnknownContainer_WritesContainerNotFound()
    {
        var name = _f.UniqueName("updatemissing");

        SingleError(_f.Run($"Update-Container {name} -Cpus 1"), "ContainerNotFound", "UpdateContainerCommand", ErrorCategory.ObjectNotFound, name);
    }

    [Fact]
    public void UpdateContainer_NothingToUpdate_OrABadPolicy_IsTerminating()
    {
        var name = _f.UniqueName("updatenothing");
        _f.CreateContainer(name, Sleeper, start: false);

        Terminating(_f.Run($"try {{ Update-Container {name}; 'not reached' }} catch {{ $_ }}"), "NothingToUpdate", "UpdateContainerCommand", ErrorCategory.InvalidArgument);
        Terminating(_f.Run($"try {{ Update-Container {name} -RestartPolicy sometimes; 'not reached' }} catch {{ $_ }}"), "InvalidRestartPolicy", "UpdateContainerCommand", ErrorCategory.InvalidArgument);
    }

    private string CreateWithPorts(string name)
    {
        var created = _f.Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = EngineFixture.TestImage,
            Cmd = Sleeper,
            Labels = _f.Labels,
            ExposedPorts = new Dictionary<string, EmptyStruct> { ["80/tcp"] = default, ["53/udp"] = default, ["81/tcp"] = default },
            HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    ["80/tcp"] = new List<PortBinding> { new PortBinding { HostIP = "127.0.0.1", HostPort = "" } },
                    ["53/udp"] = new List<PortBinding> { new PortBinding { HostIP = "127.0.0.1", HostPort = "" } },
                },
            },
        }).GetAwaiter().GetResult();
        _f.Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()).GetAwaiter().GetResult();
        return created.ID;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException("condition not met within 10 s");
            }

            Thread.Sleep(50);
        }
    }
}
