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
}
