using System.Collections;
using Docker.DotNet.Models;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ContainerCreateOptionsTests
{
    [Fact]
    public void ToParameters_MapsEveryOption()
    {
        var options = new ContainerCreateOptions
        {
            Image = "busybox",
            Name = "web",
            Command = new[] { "httpd", "-f" },
            Entrypoint = new[] { "/bin/sh", "-c" },
            Environment = new Hashtable { ["A"] = "1", ["B"] = null },
            Port = new[] { "127.0.0.1:8080:80", "53:53/udp", "8080-8081:90-91" },
            PublishAll = true,
            Volume = new[] { "/anon", "cache:/cache:ro", "./rel:/rel", "/srv:/srv:ro,z" },
            Network = "backend",
            Dns = new[] { "10.0.0.2", "10.0.0.3" },
            Hostname = "box",
            WorkingDirectory = "/work",
            User = "1000:1000",
            Label = new Hashtable { ["team"] = "web" },
            RestartPolicy = "on-failure:3",
            Memory = 512L * 1024 * 1024,
            Cpus = 1.5,
            AutoRemove = true,
            Interactive = true,
            Tty = true,
        };

        var p = options.ToParameters(path => "/abs/" + path.TrimStart('.', '/'));
        var h = p.HostConfig!;

        Assert.Equal("busybox", p.Image);
        Assert.Equal("web", p.Name);
        Assert.Equal(new[] { "httpd", "-f" }, p.Cmd);
        Assert.Equal(new[] { "/bin/sh", "-c" }, p.Entrypoint);
        Assert.Equal(new[] { "A=1", "B=" }, p.Env.OrderBy(e => e));
        Assert.Equal(new[] { "53/udp", "80/tcp", "90/tcp", "91/tcp" }, p.ExposedPorts!.Keys.OrderBy(k => k));
        Assert.Equal("127.0.0.1", Assert.Single(h.PortBindings["80/tcp"]).HostIP);
        Assert.Equal("8080", Assert.Single(h.PortBindings["80/tcp"]).HostPort);
        Assert.Equal("53", Assert.Single(h.PortBindings["53/udp"]).HostPort);
        Assert.Equal("8081", Assert.Single(h.PortBindings["91/tcp"]).HostPort);
        Assert.True(h.PublishAllPorts);
        Assert.Equal(new[] { "/anon" }, p.Volumes.Keys);
        Assert.Equal(new[] { "cache:/cache:ro", "/abs/rel:/rel", "/srv:/srv:ro,z" }, h.Binds);
        Assert.Equal("backend", h.NetworkMode);
        Assert.Equal(new[] { "10.0.0.2", "10.0.0.3" }, h.DNS);
        Assert.Equal("box", p.Hostname);
        Assert.Equal("/work", p.WorkingDir);
        Assert.Equal("1000:1000", p.User);
        Assert.Equal("web", p.Labels["team"]);
        Assert.Equal(RestartPolicyKind.OnFailure, h.RestartPolicy.Name);
        Assert.Equal(3, h.RestartPolicy.MaximumRetryCount);
        Assert.Equal(512L * 1024 * 1024, h.Memory);
        Assert.Equal(1_500_000_000L, h.NanoCPUs);
        Assert.True(h.AutoRemove);
        Assert.True(p.OpenStdin && p.AttachStdin && p.StdinOnce);
        Assert.True(p.Tty);
    }

    [Fact]
    public void ToParameters_Minimal_LeavesTheImageDefaults()
    {
        var p = new ContainerCreateOptions { Image = "busybox" }.ToParameters(path => path);
        Assert.Null(p.Name);
        Assert.Null(p.Cmd);
        Assert.Null(p.Entrypoint);
        Assert.Null(p.Env);
        Assert.Null(p.ExposedPorts);
        Assert.Null(p.Volumes);
        Assert.Null(p.HostConfig!.Binds);
        Assert.Null(p.HostConfig.PortBindings);
        Assert.Null(p.HostConfig.DNS);
        Assert.Null(p.HostConfig.RestartPolicy);
        Assert.Equal(0, p.HostConfig.Memory);
        Assert.Equal(0, p.HostConfig.NanoCPUs);
        Assert.False(p.OpenStdin);
        Assert.True(p.AttachStdout && p.AttachStderr);
    }

    [Fact]
    public void SamePortTwice_BindsBothHostPorts()
    {
        var p = new ContainerCreateOptions { Image = "x", Port = new[] { "8080:80", "127.0.0.1:9090:80" } }.ToParameters(path => path);
        Assert.Equal(new[] { "8080", "9090" }, p.HostConfig!.PortBindings["80/tcp"].Select(b => b.HostPort));
    }

    [Theory]
    [InlineData("Port", "InvalidPort")]
    [InlineData("Volume", "InvalidVolume")]
    [InlineData("RestartPolicy", "InvalidRestartPolicy")]
    public void Validate_BadValue_ThrowsForThatParameter(string parameter, string errorId)
    {
        var options = new ContainerCreateOptions { Image = "x" };
        switch (parameter)
        {
            case "Port": options.Port = new[] { "80:80", "x:80" }; break;
            case "Volume": options.Volume = new[] { "relative" }; break;
            default: options.RestartPolicy = "sometimes"; break;
        }

        Assert.Equal(errorId, Assert.Throws<InvalidSpecException>(options.Validate).ErrorId);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("999.1.1.1")]
    [InlineData("8.8.8.8:53")]
    [InlineData("8.8")]
    [InlineData("[::1]")]
    public void Dns_NotAnIpAddress_IsInvalidDnsNamingTheValue(string server)
    {
        var options = new ContainerCreateOptions { Image = "x", Dns = new[] { "1.1.1.1", server } };
        var e = Assert.Throws<InvalidSpecException>(options.Validate);
        Assert.Equal("InvalidDns", e.ErrorId);
        Assert.Equal(server, e.Spec);
        Assert.Contains("'" + server + "'", e.Message);
    }

    [Fact]
    public void Dns_Ipv4AndIpv6_AreKept() =>
        Assert.Equal(
            new[] { "8.8.8.8", "2001:4860:4860::8888" },
            new ContainerCreateOptions { Image = "x", Dns = new[] { "8.8.8.8", "2001:4860:4860::8888" } }.ToParameters(p => p).HostConfig!.DNS);

    [Fact]
    public void Environment_ArrayValue_IsInvalidEnvironmentNotSystemObjectArray()
    {
        var options = new ContainerCreateOptions { Image = "x", Environment = new System.Collections.Hashtable { ["A"] = new object[] { 1, 2 } } };
        var e = Assert.Throws<InvalidSpecException>(options.Validate);
        Assert.Equal("InvalidEnvironment", e.ErrorId);
        Assert.Equal("A", e.Spec);
        Assert.Contains("'A'", e.Message);
        Assert.DoesNotContain("System.Object[]", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    public void Environment_BadName_IsInvalidEnvironment(string name) =>
        Assert.Equal("InvalidEnvironment", Assert.Throws<InvalidSpecException>(
            new ContainerCreateOptions { Image = "x", Environment = new System.Collections.Hashtable { [name] = "v" } }.Validate).ErrorId);

    [Fact]
    public void Environment_Scalars_AreTextInvariant()
    {
        var env = new ContainerCreateOptions
        {
            Image = "x",
            Environment = new System.Collections.Specialized.OrderedDictionary { ["N"] = 1.5, ["B"] = true, ["E"] = null, ["P"] = new System.Management.Automation.PSObject("wrapped") },
        }.ToParameters(p => p).Env;
        Assert.Equal(new[] { "N=1.5", "B=True", "E=", "P=wrapped" }, env);
    }

    [Fact]
    public void Label_ArrayValue_IsInvalidLabel() =>
        Assert.Equal("InvalidLabel", Assert.Throws<InvalidSpecException>(
            new ContainerCreateOptions { Image = "x", Label = new System.Collections.Hashtable { ["tier"] = new[] { "a", "b" } } }.Validate).ErrorId);

    [Fact]
    public void Volume_RelativeSource_ResolvesAgainstTheFileSystemLocation()
    {
        var p = new ContainerCreateOptions { Image = "x", Volume = new[] { "./data:/data:ro", "data/sub:/sub", "cache:/cache" } }.ToParameters("/work/here", "/home/me");
        Assert.Equal(new[] { "/work/here/data:/data:ro", "/work/here/data/sub:/sub", "cache:/cache" }, p.HostConfig!.Binds);
    }

    [Fact]
    public void Volume_ResolverGivingNoAbsolutePath_IsInvalidVolumeNotANamedVolume()
    {
        // What resolving './data' against the Env: drive gives: 'data', which the engine would take for a volume name.
        var options = new ContainerCreateOptions { Image = "x", Volume = new[] { "./data:/data" } };
        var e = Assert.Throws<InvalidSpecException>(() => options.ToParameters(path => "data"));
        Assert.Equal("InvalidVolume", e.ErrorId);
        Assert.Equal("./data:/data", e.Spec);
    }
}
