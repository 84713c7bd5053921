using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The pure parts of the compose engine side: the config hash, dependency order, labels, the container spec of a service.</summary>
public sealed class ComposeEngineUnitTests
{
    private static ComposeProjectConfig Project(Action<ComposeServiceConfig>? edit = null)
    {
        var web = new ComposeServiceConfig
        {
            Name = "web",
            Image = "nginx:1",
            Command = new[] { "nginx", "-g", "daemon off;" },
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["A"] = "1", ["UNSET"] = null },
            Ports = new[] { new ComposePortConfig { Target = 80, Published = "8080", HostIp = "127.0.0.1" }, new ComposePortConfig { Target = 9000, Publish = false } },
            Volumes = new[]
            {
                new ComposeMountConfig { Type = "volume", Source = "data", Target = "/data" },
                new ComposeMountConfig { Type = "bind", Source = "/srv/conf", Target = "/conf", ReadOnly = true, CreateHostPath = true },
                new ComposeMountConfig { Type = "bind", Source = "/srv/strict", Target = "/strict" },
            },
            Tmpfs = new[] { "/run" },
            Networks = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal)
            {
                ["back"] = new ComposeServiceNetworkConfig { Aliases = new[] { "www" } },
                ["front"] = new ComposeServiceNetworkConfig(),
            },
            DependsOn = new SortedDictionary<string, ComposeDependencyConfig>(StringComparer.Ordinal) { ["db"] = new ComposeDependencyConfig { Condition = "service_healthy" } },
            Healthcheck = new ComposeHealthcheckConfig { Test = new[] { "CMD-SHELL", "true" }, Interval = TimeSpan.FromSeconds(2), Retries = 3 },
            Restart = "unless-stopped",
            Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["team"] = "web" },
        };
        edit?.Invoke(web);
        return new ComposeProjectConfig
        {
            Name = "shop",
            WorkingDirectory = "/srv/shop",
            ConfigFiles = new[] { "/srv/shop/compose.yaml", "/srv/shop/compose.override.yaml" },
            Services = new[] { web },
            Networks = new[] { new ComposeNetworkConfig { Key = "back", Name = "shop_back" }, new ComposeNetworkConfig { Key = "front", Name = "edge", External = true } },
            Volumes = new[] { new ComposeVolumeConfig { Key = "data", Name = "shop_data" } },
        };
    }

    private static string Hash(ComposeProjectConfig p) => ComposeConfigHash.Of(p.Services[0], p);

    [Fact]
    public void ConfigHash_IsStable_AndIgnoresWhatDoesNotChangeAContainer()
    {
        var hash = Hash(Project());

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, Hash(Project()));
        Assert.Equal(hash, Hash(Project(s => s.Replicas = 3)));
        Assert.Equal(hash, Hash(Project(s => s.DependsOn.Clear())));
        Assert.Equal(hash, Hash(Project(s => s.Profiles = new[] { "debug" })));
        Assert.Equal(hash, Hash(Project(s => s.Build = new ComposeBuildConfig { Context = "/srv/shop" })));
    }

    [Fact]
    public void ConfigHash_ChangesWithTheEnvironmentCommandPortsAndHealthcheck()
    {
        var hash = Hash(Project());

        Assert.NotEqual(hash, Hash(Project(s => s.Environment["A"] = "2")));
        Assert.NotEqual(hash, Hash(Project(s => s.Command = new[] { "nginx" })));
        Assert.NotEqual(hash, Hash(Project(s => s.Ports[0].Published = "8081")));
        Assert.NotEqual(hash, Hash(Project(s => s.Healthcheck!.Retries = 4)));
        Assert.NotEqual(hash, Hash(Project(s => s.Labels["team"] = "ops")));
    }

    [Fact]
    public void DependencyOrder_PutsDependenciesFirst_AndNamesACycle()
    {
        var deps = new Dictionary<string, string[]> { ["web"] = new[] { "api" }, ["api"] = new[] { "db", "cache" }, ["db"] = Array.Empty<string>(), ["cache"] = Array.Empty<string>() };

        var order = ComposeDependencyOrder.Sort(new[] { "web", "api", "db", "cache" }, s => deps[s]);

        Assert.Equal(new[] { "cache", "db", "api", "web" }, order);
        deps["db"] = new[] { "web" };
        var cycle = Assert.Throws<ComposeFileException>(() => ComposeDependencyOrder.Sort(new[] { "web", "api", "db", "cache" }, s => deps[s]));
        Assert.Equal("ComposeDependencyCycle", cycle.ErrorId);
        Assert.Contains("web -> api -> db -> web", cycle.Message);
    }

    [Fact]
    public void ContainerSpec_WritesComposeLabelsAndNames()
    {
        var project = Project();
        var spec = ComposeContainerSpec.For(project, project.Services[0], 2, "abc", "sha256:1");
        var labels = spec.Parameters.Labels;

        Assert.Equal("shop-web-2", spec.Name);
        Assert.Equal(("shop", "web", "2", "False", "abc"), (labels["com.docker.compose.project"], labels["com.docker.compose.service"], labels["com.docker.compose.container-number"], labels["com.docker.compose.oneoff"], labels["com.docker.compose.config-hash"]));
        Assert.Equal("/srv/shop", labels["com.docker.compose.project.working_dir"]);
        Assert.Equal("/srv/shop/compose.yaml,/srv/shop/compose.override.yaml", labels["com.docker.compose.project.config_files"]);
        Assert.Equal("db:service_healthy:false", labels["com.docker.compose.depends_on"]);
        Assert.Equal("sha256:1", labels["com.docker.compose.image"]);
        Assert.Equal("web", labels["team"]);
        var named = Project(s => s.ContainerName = "my-web");
        Assert.Equal("my-web", ComposeContainerSpec.For(named, named.Services[0], 1, "h", null).Name);
        Assert.Equal("shop-web", ComposeContainerSpec.ImageOf(project, new ComposeServiceConfig { Name = "web", Build = new ComposeBuildConfig() }));
    }

    [Fact]
    public void ContainerSpec_MapsPortsMountsNetworksHealthAndEnvironment()
    {
        var project = Project();
        var spec = ComposeContainerSpec.For(project, project.Services[0], 1, "h", null);
        var p = spec.Parameters;

        Assert.Equal(new[] { "80/tcp", "9000/tcp" }, p.ExposedPorts.Keys.OrderBy(k => k));
        var binding = Assert.Single(p.HostConfig.PortBindings["80/tcp"]);
        Assert.Equal(("127.0.0.1", "8080"), (binding.HostIP, binding.HostPort));
        Assert.False(p.HostConfig.PortBindings.ContainsKey("9000/tcp"));
        Assert.Equal(new[] { "A=1" }, p.Env);
        Assert.Contains(p.HostConfig.Mounts, m => m.Type == "volume" && m.Source == "shop_data" && m.Target == "/data");
        Assert.Contains(p.HostConfig.Mounts, m => m.Type == "bind" && m.Source == "/srv/strict" && m.Target == "/strict");
        Assert.Contains(p.HostConfig.Mounts, m => m.Type == "tmpfs" && m.Target == "/run");
        Assert.Equal(new[] { "/srv/conf:/conf:ro" }, p.HostConfig.Binds);
        Assert.Equal("shop_back", p.HostConfig.NetworkMode);
        Assert.Equal(new[] { "web", "www" }, p.NetworkingConfig.EndpointsConfig["shop_back"].Aliases);
        var more = Assert.Single(spec.MoreNetworks);
        Assert.Equal("edge", more.Network);
        Assert.Equal(new[] { "web" }, more.Aliases);
        Assert.Equal(new[] { "CMD-SHELL", "true" }, p.Healthcheck.Test);
        Assert.Equal(TimeSpan.FromSeconds(2), p.Healthcheck.Interval);
        Assert.Equal(Docker.DotNet.Models.RestartPolicyKind.UnlessStopped, p.HostConfig.RestartPolicy.Name);
    }

    [Fact]
    public void CombinedStatus_CountsStatesInOrder_AsComposeLs()
    {
        Container C(ContainerState s) => new Container { State = s };

        Assert.Equal("exited(1), running(2)", ComposeProjectService.CombinedStatus(new[] { C(ContainerState.Running), C(ContainerState.Exited), C(ContainerState.Running) }));
        Assert.Equal(new[] { "db" }, ComposeLabels.DependenciesOf(new Dictionary<string, string> { ["com.docker.compose.depends_on"] = "db:service_healthy:false" }));
        Assert.Equal(3, ComposeLabels.NumberOf(new Dictionary<string, string> { ["com.docker.compose.container-number"] = "3" }));
    }
}
