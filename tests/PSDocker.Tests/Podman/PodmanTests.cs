using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Podman;

/// <summary>A fact that needs Podman's Docker API: PSDOCKER_PODMAN_HOST (./test.sh starts one as root).</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        if (string.IsNullOrEmpty(PodmanTests.Host))
        {
            Skip = "No Podman service: set PSDOCKER_PODMAN_HOST (./test.sh starts one when run as root).";
        }
    }
}

/// <summary>
/// The container cmdlets against the second engine the project supports, Podman 4.3's Docker API:
/// the whole lifecycle through pipelines, checked independently through a Docker.DotNet client on
/// Podman's socket.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PodmanTests
{
    private const string Image = "psdocker/busybox:latest";
    private readonly EngineFixture _f;

    public PodmanTests(EngineFixture fixture) => _f = fixture;

    public static string? Host => Environment.GetEnvironmentVariable("PSDOCKER_PODMAN_HOST");

    private static ContainerInspectResponse? Inspect(IDockerClient podman, string name)
    {
        try
        {
            return podman.Containers.InspectContainerAsync(name).GetAwaiter().GetResult();
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    [PodmanFact]
    public void ContainerLifecycle_RunsThroughPipelines_OnPodman()
    {
        using var podman = new DockerClientBuilder().WithEndpoint(new Uri(Host!)).Build();
        var name = _f.UniqueName("podman");
        var h = $"-DockerHost '{Host}'";
        try
        {
            var started = Assert.Single(_f.Run($"Invoke-Container {h} -Image {Image} -Name {name} -Detach -Label $TestLabel -Command sh,-c,'echo hello-podman; sleep 300'").AssertNoErrors().Objects<Container>());
            Assert.Equal(ContainerState.Running, started.State);
            Assert.True(Inspect(podman, name)!.State!.Running);

            Assert.Contains(name, _f.Run($"Get-Container {h} -Label $TestLabelFilter").AssertNoErrors().Objects<Container>().Select(c => c.Name));
            _f.WaitForLogOn(podman, name, "hello-podman");
            Assert.Contains("hello-podman", _f.Run($"Get-ContainerLog {h} {name}").AssertNoErrors().Objects<ContainerLogEntry>().Select(e => e.Message));
            Assert.Equal(new object[] { "exec-ok" }, _f.Run($"Invoke-ContainerExec {h} {name} -Command sh,-c,'echo exec-ok'").AssertNoErrors().Output.Select(o => o.BaseObject));
            Assert.NotEmpty(_f.Run($"Get-ContainerDetail {h} {name}").AssertNoErrors().Objects<ContainerDetail>().Single().NetworkAddresses);

            _f.Run($"Get-Container {h} {name} | Suspend-Container").AssertNoErrors();
            Assert.True(Inspect(podman, name)!.State!.Paused);
            _f.Run($"Get-Container {h} {name} | Resume-Container").AssertNoErrors();
            Assert.False(Inspect(podman, name)!.State!.Paused);

            _f.Run($"Get-Container {h} {name} | Stop-Container -Force").AssertNoErrors();
            Assert.False(Inspect(podman, name)!.State!.Running);
            Assert.Equal(137L, _f.Run($"Get-Container {h} {name} | Wait-Container").AssertNoErrors().Objects<ExecResult>().Single().ExitCode);

            _f.Run($"Get-Container {h} -Label $TestLabelFilter | Remove-Container -Force -Volume").AssertNoErrors();
            Assert.Null(Inspect(podman, name));
        }
        finally
        {
            try
            {
                podman.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true }).GetAwaiter().GetResult();
            }
            catch (DockerApiException)
            {
                // Already removed by the test.
            }
        }
    }

    [PodmanFact]
    public void InvokeContainer_Remove_StreamsOutput_SetsTheExitCode_AndLeavesNothing_OnPodman()
    {
        using var podman = new DockerClientBuilder().WithEndpoint(new Uri(Host!)).Build();
        var scope = CaseScope.New();
        var result = _f.Run($"Invoke-Container -DockerHost '{Host}' -Image {Image} -Remove -Label @{{ '{CaseScope.LabelKey}' = '{scope.Labels[CaseScope.LabelKey]}' }} -Command sh,-c,'echo out; exit 3'; $global:LASTEXITCODE");

        Assert.Equal(new object[] { "out", 3 }, result.Output.Select(o => o.BaseObject));
        Assert.StartsWith("ContainerExitCode", Assert.Single(result.Errors).FullyQualifiedErrorId);
        var left = podman.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [scope.Filter] = true } },
        }).GetAwaiter().GetResult();
        Assert.Empty(left);
    }
}
