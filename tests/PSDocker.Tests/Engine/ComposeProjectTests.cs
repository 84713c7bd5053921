using System.Diagnostics;
using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// The compose engine side (docker compose up/stop/down/ls/ps) against the real engine, with projects
/// built as <see cref="ComposeProjectConfig"/> objects (no YAML): every container, network and volume
/// carries the run label, so the container, network and volume cleanups remove what a failed test leaves.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ComposeProjectTests : IDisposable
{
    // Exits at once on SIGTERM (a stop takes no 10 s), and marks itself ready for the healthcheck.
    private static readonly string[] Serve = { "sh", "-c", "trap 'exit 0' TERM; touch /ready; while :; do sleep 1; done" };

    private readonly EngineFixture _f;

    private readonly List<string> _projects = new();

    public ComposeProjectTests(EngineFixture fixture) => _f = fixture;

    /// <summary>
    /// Takes every project of the test down at once (through Docker.DotNet, not the module), so the
    /// networks of a shared engine's address pools are not held until the end of the run.
    /// </summary>
    public void Dispose()
    {
        foreach (var project in _projects)
        {
            var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["com.docker.compose.project=" + project] = true } };
            foreach (var c in _f.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }).GetAwaiter().GetResult())
            {
                try
                {
                    _f.Docker.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }).GetAwaiter().GetResult();
                }
                catch (DockerApiException)
                {
                }
            }

            foreach (var n in _f.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filter }).GetAwaiter().GetResult())
            {
                try
                {
                    _f.Docker.Networks.DeleteNetworkAsync(n.ID).GetAwaiter().GetResult();
                }
                catch (DockerApiException)
                {
                }
            }

            foreach (var v in _f.Docker.Volumes.ListAsync(new VolumesListParameters { Filters = filter }).GetAwaiter().GetResult().Volumes ?? new List<VolumeResponse>())
            {
                try
                {
                    _f.Docker.Volumes.RemoveAsync(v.Name, true).GetAwaiter().GetResult();
                }
                catch (DockerApiException)
                {
                }
            }
        }
    }

    /// <summary>The app: db (healthcheck, named volume) and web (depends on db being healthy), on a user network.</summary>
    private ComposeProjectConfig App(string name, string greeting = "hello", string? webPort = null, int webReplicas = 1)
    {
        var labels = new SortedDictionary<string, string>(_f.Labels, StringComparer.Ordinal);
        var db = new ComposeServiceConfig
        {
            Name = "db",
            Image = EngineFixture.TestImage,
            Command = Serve,
            Labels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal),
            Healthcheck = new ComposeHealthcheckConfig { Test = new[] { "CMD-SHELL", "test -f /ready" }, Interval = TimeSpan.FromMilliseconds(500), Retries = 20 },
            Volumes = new[] { new ComposeMountConfig { Type = "volume", Source = "data", Target = "/data" } },
            Networks = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal) { ["back"] = new ComposeServiceNetworkConfig() },
        };
        var web = new ComposeServiceConfig
        {
            Name = "web",
            Image = EngineFixture.TestImage,
            Command = Serve,
            Labels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal),
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["GREETING"] = greeting },
            Networks = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal) { ["back"] = new ComposeServiceNetworkConfig { Aliases = new[] { "www" } } },
            DependsOn = new SortedDictionary<string, ComposeDependencyConfig>(StringComparer.Ordinal) { ["db"] = new ComposeDependencyConfig { Condition = "service_healthy" } },
            Ports = webPort is null ? Array.Empty<ComposePortConfig>() : new[] { new ComposePortConfig { Target = 80, Published = webPort, HostIp = "127.0.0.1" } },
            Replicas = webReplicas,
        };
        return new ComposeProjectConfig
        {
            Name = name,
            WorkingDirectory = "/tmp/" + name,
            ConfigFiles = new[] { "/tmp/" + name + "/compose.yaml" },
            Services = new[] { db, web },
            Networks = new[] { new ComposeNetworkConfig { Key = "back", Name = name + "_back", Labels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) } },
            Volumes = new[] { new ComposeVolumeConfig { Key = "data", Name = name + "_data", Labels = new SortedDictionary<string, string>(labels, StringComparer.Ordinal) } },
        };
    }

    private string ProjectName()
    {
        var name = _f.UniqueName("cmp");
        _projects.Add(name);
        _projects.Add(name.Replace("-", ""));
        _projects.Add(name.Replace("-", "") + "theirs");
        return name;
    }

    private PipelineResult Up(ComposeProjectConfig project, string extra = "") =>
        _f.Run("param($Project) $Project | Start-ComposeProject -WaitTimeout 60 " + extra, new Dictionary<string, object?> { ["Project"] = project });

    private async Task<IList<ContainerListResponse>> ProjectContainersAsync(string project) =>
        await _f.Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["com.docker.compose.project=" + project] = true } },
        });

    private async Task<Dictionary<string, string>> IdsByNameAsync(string project) =>
        (await ProjectContainersAsync(project)).ToDictionary(c => c.Names[0].TrimStart('/'), c => c.ID);

    private async Task<IList<NetworkResponse>> ProjectNetworksAsync(string project) =>
        (await _f.Docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["com.docker.compose.project=" + project] = true } },
        })).ToList();

    [Fact]
    public async Task StartComposeProject_TwoServices_StartsInOrderWithComposeLabels_WebReachesDbByName_AndASecondUpChangesNothing()
    {
        var name = ProjectName();
        var project = App(name);

        Up(project).AssertNoErrors();

        var db = (await _f.Docker.Containers.InspectContainerAsync(name + "-db-1"));
        var web = (await _f.Docker.Containers.InspectContainerAsync(name + "-web-1"));
        Assert.True(db.State.Running && web.State.Running);
        Assert.Equal("healthy", db.State.Health.Status);
        // web started only once db was healthy (depends_on condition service_healthy).
        var firstHealthy = db.State.Health.Log.Where(l => l.ExitCode == 0).Min(l => l.End);
        Assert.True(DateTime.Parse(web.State.StartedAt, null, System.Globalization.DateTimeStyles.RoundtripKind) >= firstHealthy.ToUniversalTime(), "web started before db was healthy");

        var labels = web.Config.Labels;
        Assert.Equal(name, labels["com.docker.compose.project"]);
        Assert.Equal("web", labels["com.docker.compose.service"]);
        Assert.Equal("1", labels["com.docker.compose.container-number"]);
        Assert.Equal("False", labels["com.docker.compose.oneoff"]);
        Assert.Matches("^[0-9a-f]{64}$", labels["com.docker.compose.config-hash"]);
        Assert.Equal("/tmp/" + name, labels["com.docker.compose.project.working_dir"]);
        Assert.Equal("/tmp/" + name + "/compose.yaml", labels["com.docker.compose.project.config_files"]);
        Assert.Equal("db:service_healthy:false", labels["com.docker.compose.depends_on"]);
        Assert.StartsWith("sha256:", labels["com.docker.compose.image"]);
        Assert.Contains("com.docker.compose.version", labels.Keys);
        Assert.Equal(_f.RunId, labels[EngineFixture.LabelKey]);

        var network = Assert.Single(await ProjectNetworksAsync(name));
        Assert.Equal((name + "_back", "back"), (network.Name, network.Labels["com.docker.compose.network"]));
        var volume = await _f.Docker.Volumes.InspectAsync(name + "_data");
        Assert.Equal(("data", name), (volume.Labels["com.docker.compose.volume"], volume.Labels["com.docker.compose.project"]));
        Assert.Contains(db.Mounts, m => m.Name == name + "_data" && m.Destination == "/data");
        Assert.Contains("www", web.NetworkSettings.Networks[name + "_back"].Aliases);

        // web reaches db by its service name, through the ComposeService piped into a container cmdlet.
        var ping = _f.Run($"Get-ComposeService web -ProjectName {name} | Invoke-ContainerExec -Command ping,-c1,-W2,db -PassThru").AssertNoErrors();
        Assert.Equal(0L, Assert.Single(ping.Objects<ExecResult>()).ExitCode);

        var before = await IdsByNameAsync(name);
        var whatIf = _f.Run("param($Project) $Project | Start-ComposeProject -WhatIf 6>&1 | Out-String", new Dictionary<string, object?> { ["Project"] = project });
        Assert.DoesNotContain("What if", string.Join("\n", whatIf.Output));
        Up(project).AssertNoErrors();
        Assert.Equal(before, await IdsByNameAsync(name));
    }

    [Fact]
    public async Task StartComposeProject_AfterEditingOneService_RecreatesOnlyThatOne_AndForceRecreateRecreatesAll()
    {
        var name = ProjectName();
        Up(App(name, "one")).AssertNoErrors();
        var before = await IdsByNameAsync(name);

        var whatIf = _f.Run("param($Project) $Project | Start-ComposeProject -WhatIf", new Dictionary<string, object?> { ["Project"] = App(name, "two") });
        Assert.Equal(before, await IdsByNameAsync(name));

        Up(App(name, "two")).AssertNoErrors();
        var after = await IdsByNameAsync(name);

        Assert.Equal(before[name + "-db-1"], after[name + "-db-1"]);
        Assert.NotEqual(before[name + "-web-1"], after[name + "-web-1"]);
        var web = await _f.Docker.Containers.InspectContainerAsync(name + "-web-1");
        Assert.Contains("GREETING=two", web.Config.Env);
        Assert.True(web.State.Running);

        Up(App(name, "two"), "-ForceRecreate").AssertNoErrors();
        var forced = await IdsByNameAsync(name);
        Assert.All(forced, c => Assert.NotEqual(after[c.Key], c.Value));
    }

    [Fact]
    public async Task StopGracePeriodAndStopSignal_ReachTheContainer_AndStopWaitsOnlyThatLong()
    {
        var name = ProjectName();
        var labels = new SortedDictionary<string, string>(_f.Labels, StringComparer.Ordinal);
        var project = new ComposeProjectConfig
        {
            Name = name,
            WorkingDirectory = "/tmp/" + name,
            ConfigFiles = new[] { "/tmp/" + name + "/compose.yaml" },
            Services = new[]
            {
                // sleep as PID 1 ignores SIGTERM: only the kill after the grace period ends it.
                new ComposeServiceConfig { Name = "slow", Image = EngineFixture.TestImage, Command = new[] { "sleep", "300" }, Labels = labels, StopGracePeriod = TimeSpan.FromSeconds(1), StopSignal = "SIGUSR1" },
            },
        };
        Up(project).AssertNoErrors();
        var container = (await ProjectContainersAsync(name)).Single();
        var inspected = await _f.Docker.Containers.InspectContainerAsync(container.ID);
        Assert.Equal("SIGUSR1", inspected.Config.StopSignal);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        _f.Run($"Stop-ComposeProject -ProjectName {name}").AssertNoErrors();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"the stop took {clock.Elapsed}: the 1 s grace period was not used (the engine's default is 10 s)");
        Assert.False((await _f.Docker.Containers.InspectContainerAsync(container.ID)).State.Running);
    }

    [Fact]
    public async Task StartComposeProject_WhatIf_NamesEveryResourceAndCreatesNothing()
    {
        var name = ProjectName();
        var result = _f.Run("param($Project) $Project | Start-ComposeProject -WhatIf -Verbose 4>&1", new Dictionary<string, object?> { ["Project"] = App(name) });

        Assert.Empty(await ProjectContainersAsync(name));
        Assert.Empty(await ProjectNetworksAsync(name));
        Assert.False(_f.VolumeExists(name + "_data"));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public async Task StopAndStart_StopsTheContainers_AndStartComposeProjectStartsTheSameOnesAgain()
    {
        var name = ProjectName();
        Up(App(name)).AssertNoErrors();
        var before = await IdsByNameAsync(name);

        _f.Run($"Stop-ComposeProject -ProjectName {name}").AssertNoErrors();
        Assert.All(await ProjectContainersAsync(name), c => Assert.Equal("exited", c.State));
        var listed = Assert.Single(_f.Run($"Get-ComposeProject {name}").AssertNoErrors().Objects<ComposeProject>());
        Assert.Equal("exited(2)", listed.Status);

        Up(App(name)).AssertNoErrors();
        Assert.Equal(before, await IdsByNameAsync(name));
        Assert.All(await ProjectContainersAsync(name), c => Assert.Equal("running", c.State));
        listed = Assert.Single(_f.Run($"Get-ComposeProject {name}").AssertNoErrors().Objects<ComposeProject>());
        Assert.Equal(("running(2)", "/tmp/" + name + "/compose.yaml"), (listed.Status, string.Join(",", listed.ConfigFiles)));
    }

    [Fact]
    public async Task StartComposeProject_Replicas_ScaleUpAndDownByContainerNumber()
    {
        var name = ProjectName();
        Up(App(name, webReplicas: 2)).AssertNoErrors();
        var two = await IdsByNameAsync(name);
        Assert.Contains(name + "-web-2", two.Keys);

        var services = _f.Run($"Get-ComposeService -ProjectName {name}").AssertNoErrors().Objects<ComposeService>();
        Assert.Equal(new[] { "db", "web" }, services.Select(s => s.Service));
        Assert.Equal(new[] { name + "-web-1", name + "-web-2" }, services[1].ContainerName);
        Assert.Equal("running(2)", services[1].State);

        Up(App(name, webReplicas: 1)).AssertNoErrors();
        var one = await IdsByNameAsync(name);
        Assert.DoesNotContain(name + "-web-2", one.Keys);
        Assert.Equal(two[name + "-web-1"], one[name + "-web-1"]);
    }

    [Fact]
    public async Task RemoveComposeProject_RemovesExactlyTheProject_VolumeDataSurvivesWithoutVolume_AndGoesWithIt()
    {
        var name = ProjectName();
        Up(App(name)).AssertNoErrors();
        _f.Run($"Invoke-ContainerExec {name}-db-1 -Command sh,-c,'echo kept > /data/file'").AssertNoErrors();

        // Unrelated resources, labelled for this run and for another compose project, survive the down.
        var other = name + "x";
        _projects.Add(other);
        var unrelated = _f.CreateContainer(_f.UniqueName("cmpother"), new[] { "sleep", "60" }, start: false, new Dictionary<string, string> { ["com.docker.compose.project"] = other });
        var unrelatedNetwork = _f.UniqueName("cmpnet");
        await _f.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = unrelatedNetwork, Labels = new Dictionary<string, string>(_f.Labels) { ["com.docker.compose.project"] = other } });
        var unrelatedVolume = _f.UniqueName("cmpvol");
        await _f.Docker.Volumes.CreateAsync(new VolumesCreateParameters { Name = unrelatedVolume, Labels = new Dictionary<string, string>(_f.Labels) { ["com.docker.compose.project"] = other } });

        var whatIf = _f.Run($"Remove-ComposeProject -ProjectName {name} -Volume -WhatIf");
        Assert.Equal(2, (await ProjectContainersAsync(name)).Count);

        _f.Run($"Remove-ComposeProject -ProjectName {name}").AssertNoErrors();

        Assert.Empty(await ProjectContainersAsync(name));
        Assert.Empty(await ProjectNetworksAsync(name));
        Assert.True(_f.VolumeExists(name + "_data"));
        Assert.NotNull(_f.Inspect(unrelated));
        Assert.NotNull(_f.InspectNetwork(unrelatedNetwork));
        Assert.True(_f.VolumeExists(unrelatedVolume));

        Up(App(name)).AssertNoErrors();
        var read = _f.Run($"Invoke-ContainerExec {name}-db-1 -Command cat,/data/file").AssertNoErrors();
        Assert.Contains("kept", string.Join("\n", read.Output.Select(o => o.ToString())));

        _f.Run($"Remove-ComposeProject -ProjectName {name} -Volume").AssertNoErrors();
        Assert.Empty(await ProjectContainersAsync(name));
        Assert.False(_f.VolumeExists(name + "_data"));
        Assert.NotNull(_f.Inspect(unrelated));
        Assert.True(_f.VolumeExists(unrelatedVolume));
        Assert.Empty(_f.Run($"Get-ComposeProject {name} -ErrorAction SilentlyContinue").Objects<ComposeProject>());
    }

    [Fact]
    public async Task StartComposeProject_PortAlreadyTaken_NamesServiceAndPort_AndLeavesNoContainerOfThatService()
    {
        var name = ProjectName();
        var port = Random.Shared.Next(21000, 29000).ToString();
        var blocker = _f.UniqueName("cmpblock");
        _f.Run($"New-Container $TestImage -Name {blocker} -Label $TestLabel -Port '127.0.0.1:{port}:80' -Command sleep,600 | Start-Container").AssertNoErrors();

        var result = Up(App(name, webPort: port, webReplicas: 2));

        var error = Assert.Single(result.Errors);
        Assert.Equal("ComposePortInUse", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'web'", error.Exception.Message);
        Assert.Contains(port, error.Exception.Message);
        Assert.Equal("web", error.TargetObject);
        Assert.DoesNotContain((await ProjectContainersAsync(name)), c => c.Labels["com.docker.compose.service"] == "web");
    }

    [Fact]
    public async Task GetComposeService_PipesIntoContainerCmdlets_ByTheContainersIds()
    {
        var name = ProjectName();
        Up(App(name)).AssertNoErrors();

        var stopped = _f.Run($"Get-ComposeService db -ProjectName {name} | Stop-Container -PassThru").AssertNoErrors().Objects<Container>();

        Assert.Equal(name + "-db-1", Assert.Single(stopped).Name);
        Assert.False((await _f.Docker.Containers.InspectContainerAsync(name + "-db-1")).State.Running);
        Assert.True((await _f.Docker.Containers.InspectContainerAsync(name + "-web-1")).State.Running);
        var missing = _f.Run($"Get-ComposeService nosuch -ProjectName {name}");
        Assert.Equal("ComposeNotFound", missing.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public async Task DockerCompose129_PsSeesOurProject_AndGetComposeServiceSeesTheirs()
    {
        if (!File.Exists("/usr/local/bin/docker-compose") && !File.Exists("/usr/bin/docker-compose"))
        {
            Assert.Fail("docker-compose 1.29 is not installed");
        }

        var name = ProjectName().Replace("-", "");
        Up(App(name)).AssertNoErrors();
        var folder = Directory.CreateTempSubdirectory("psd-compose-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "docker-compose.yml"), $$"""
                version: "2.4"
                services:
                  db:
                    image: {{EngineFixture.TestImage}}
                    command: ["sleep", "600"]
                    labels: { {{EngineFixture.LabelKey}}: "{{_f.RunId}}" }
                  web:
                    image: {{EngineFixture.TestImage}}
                    command: ["sleep", "600"]
                    labels: { {{EngineFixture.LabelKey}}: "{{_f.RunId}}" }
                networks:
                  default:
                    labels: { {{EngineFixture.LabelKey}}: "{{_f.RunId}}" }
                """);

            var ps = DockerCompose(folder, "-p", name, "ps");
            Assert.Contains(name + "-db-1", ps);
            Assert.Contains(name + "-web-1", ps);

            var theirs = name + "theirs";
            DockerCompose(folder, "-p", theirs, "up", "-d", "--no-color");
            var services = _f.Run($"Get-ComposeService -ProjectName {theirs}").AssertNoErrors().Objects<ComposeService>();
            Assert.Equal(new[] { "db", "web" }, services.Select(s => s.Service));
            Assert.Equal(theirs + "_db_1", services[0].Containers.Single().Name);

            _f.Run($"Remove-ComposeProject -ProjectName {theirs} -Timeout 0").AssertNoErrors();
            Assert.Empty(await ProjectContainersAsync(theirs));
            Assert.Empty(await ProjectNetworksAsync(theirs));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task StartComposeProject_UnhealthyDependency_IsAClearError_AndTheDependentIsNotCreated()
    {
        var name = ProjectName();
        var project = App(name);
        project.Services[0].Healthcheck = new ComposeHealthcheckConfig { Test = new[] { "CMD-SHELL", "false" }, Interval = TimeSpan.FromMilliseconds(300), Retries = 1 };

        var result = Up(project);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ComposeDependencyUnhealthy", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("'web' depends on 'db'", error.Exception.Message);
        Assert.Equal("web", error.TargetObject);
        Assert.DoesNotContain(await ProjectContainersAsync(name), c => c.Labels["com.docker.compose.service"] == "web");
    }

    [Fact]
    public async Task StartComposeProject_CompletedSuccessfully_StartsTheDependentAfterTheJobExited_AndWaitAcceptsTheJob()
    {
        var name = ProjectName();
        var project = App(name);
        var job = new ComposeServiceConfig
        {
            Name = "migrate",
            Image = EngineFixture.TestImage,
            Command = new[] { "sh", "-c", "sleep 1; echo done" },
            Labels = new SortedDictionary<string, string>(_f.Labels, StringComparer.Ordinal),
            Networks = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal) { ["back"] = new ComposeServiceNetworkConfig() },
        };
        project.Services = new[] { job, project.Services[0], project.Services[1] };
        project.Services[2].DependsOn["migrate"] = new ComposeDependencyConfig { Condition = "service_completed_successfully" };

        Up(project, "-Wait").AssertNoErrors();

        var migrate = await _f.Docker.Containers.InspectContainerAsync(name + "-migrate-1");
        var web = await _f.Docker.Containers.InspectContainerAsync(name + "-web-1");
        Assert.Equal(0L, migrate.State.ExitCode);
        Assert.True(DateTime.Parse(web.State.StartedAt, null, System.Globalization.DateTimeStyles.RoundtripKind) >= DateTime.Parse(migrate.State.FinishedAt, null, System.Globalization.DateTimeStyles.RoundtripKind));
    }

    [Fact]
    public async Task StartComposeProject_MissingExternalNetwork_IsAClearError_AndCreatesNothing()
    {
        var name = ProjectName();
        var project = App(name);
        project.Networks[0].External = true;
        project.Networks[0].Name = name + "-nosuch";

        var result = Up(project);

        var error = Assert.Single(result.Errors);
        Assert.Equal("ComposeExternalNetworkNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(name + "-nosuch", error.Exception.Message);
        Assert.Empty(await ProjectContainersAsync(name));
        Assert.False(_f.VolumeExists(name + "_data"));
    }

    [Fact]
    public async Task StartComposeProject_CtrlCDuringADependencyWait_StopsWithinASecond_AndLeavesNoHalfMadeContainer()
    {
        var name = ProjectName();
        var project = App(name);
        project.Services[0].Healthcheck = new ComposeHealthcheckConfig { Test = new[] { "CMD-SHELL", "sleep 600" }, Interval = TimeSpan.FromSeconds(60), Retries = 3 };
        var variable = "cmp" + Guid.NewGuid().ToString("N")[..8];
        _f.Runspace.SessionStateProxy.SetVariable(variable, project);
        using var pipeline = new StreamingPipeline(_f.Runspace, "$" + variable + " | Start-ComposeProject");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !(await ProjectContainersAsync(name)).Any(c => c.State == "running"))
        {
            await Task.Delay(200);
        }

        await Task.Delay(500);
        Assert.False(pipeline.IsCompleted);
        var took = pipeline.Stop();

        Assert.True(took < TimeSpan.FromSeconds(2), $"Ctrl+C took {took}");
        var containers = await ProjectContainersAsync(name);
        var db = Assert.Single(containers);
        Assert.Equal(("db", "running"), (db.Labels["com.docker.compose.service"], db.State));
        _f.Run($"Remove-ComposeProject -ProjectName {name} -Volume -Timeout 0").AssertNoErrors();
    }

    [Fact]
    public async Task StartComposeProject_Build_BuildsTheImage_AndRecreatesOnlyTheServiceWhoseImageChanged()
    {
        var name = ProjectName();
        var folder = Directory.CreateTempSubdirectory("psd-compose-build-").FullName;
        try
        {
            void Dockerfile(string text) => File.WriteAllText(Path.Combine(folder, "Dockerfile"), $"FROM {EngineFixture.TestImage}\nLABEL {EngineFixture.LabelKey}={_f.RunId}\nRUN echo '{text}' > /greeting\n");
            Dockerfile("one");
            var project = App(name);
            project.Services[1].Image = null;
            project.Services[1].Build = new ComposeBuildConfig { Context = folder };

            _f.Run("param($Project) $Project | Build-ComposeProject", new Dictionary<string, object?> { ["Project"] = project }).AssertNoErrors();
            var built = await _f.Docker.Images.InspectImageAsync(name + "-web");
            Assert.Equal(("web", name), (built.Config.Labels["com.docker.compose.service"], built.Config.Labels["com.docker.compose.project"]));

            Up(project).AssertNoErrors();
            var before = await IdsByNameAsync(name);
            Dockerfile("two");
            Up(project, "-Build").AssertNoErrors();
            var after = await IdsByNameAsync(name);

            Assert.Equal(before[name + "-db-1"], after[name + "-db-1"]);
            Assert.NotEqual(before[name + "-web-1"], after[name + "-web-1"]);
            var read = _f.Run($"Invoke-ContainerExec {name}-web-1 -Command cat,/greeting").AssertNoErrors();
            Assert.Equal("two", Assert.Single(read.Output).ToString());

            _f.Run($"Remove-ComposeProject -ProjectName {name} -RemoveImage Local -Volume").AssertNoErrors();
            await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(name + "-web"));
            await _f.Docker.Images.InspectImageAsync(EngineFixture.TestImage);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string DockerCompose(string folder, params string[] args)
    {
        var psi = new ProcessStartInfo("docker-compose") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOCKER_HOST"] = EngineFixture.EngineHost;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit(120_000);
        Assert.True(p.ExitCode == 0, "docker-compose " + string.Join(" ", args) + " failed: " + error);
        return output.Result + error;
    }
}
