using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class NewContainerTests
{
    private readonly EngineFixture _f;

    public NewContainerTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public async Task NewContainer_AppliesEveryOption_AndEmitsTheCreatedContainer()
    {
        var name = _f.UniqueName("new");
        var volume = _f.UniqueName("vol");
        try
        {
            var result = _f.Run(
                $"New-Container -Image $TestImage -Name {name} -Command sleep,300 -Entrypoint /bin/env " +
                "-Environment @{ GREETING = 'hello'; EMPTY = $null } -PublishAll " +
                $"-Volume '/anon', '{volume}:/named:ro', '/tmp:/hosttmp:ro' -Network bridge -Dns 10.9.8.7 -Hostname boxhost " +
                "-WorkingDirectory /tmp -User 1000:1000 -Label ($TestLabel + @{ team = 'web' }) -RestartPolicy on-failure:3 " +
                "-Memory 64MB -Cpus 0.5 -Interactive -Tty").AssertNoErrors();

            var container = Assert.Single(result.Objects<Container>());
            Assert.Equal(name, container.Name);
            Assert.Equal(ContainerState.Created, container.State);
            Assert.Equal(EngineFixture.TestImage, container.Image);
            Assert.Equal("web", container.Labels["team"]);
            Assert.Equal(EngineFixture.EngineHost, container.Engine.Uri.ToString().TrimEnd('/'));

            var i = _f.Inspect(name)!;
            var config = i.Config!;
            var host = i.HostConfig!;
            Assert.Equal(new[] { "sleep", "300" }, config.Cmd);
            Assert.Equal(new[] { "/bin/env" }, config.Entrypoint);
            Assert.Contains("GREETING=hello", config.Env);
            Assert.Contains("EMPTY=", config.Env);
            Assert.True(host.PublishAllPorts);
            Assert.Contains("/anon", config.Volumes.Keys);
            Assert.Contains($"{volume}:/named:ro", host.Binds);
            Assert.Contains("/tmp:/hosttmp:ro", host.Binds);
            Assert.Equal("bridge", host.NetworkMode);
            Assert.Equal(new[] { "10.9.8.7" }, host.DNS);
            Assert.Equal("boxhost", config.Hostname);
            Assert.Equal("/tmp", config.WorkingDir);
            Assert.Equal("1000:1000", config.User);
            Assert.Equal(RestartPolicyKind.OnFailure, host.RestartPolicy.Name);
            Assert.Equal(3, host.RestartPolicy.MaximumRetryCount);
            Assert.Equal(64L * 1024 * 1024, host.Memory);
            Assert.Equal(500_000_000L, host.NanoCPUs);
            Assert.True(config.OpenStdin);
            Assert.True(config.Tty);
        }
        finally
        {
            // With its anonymous volume (/anon), which carries no label for the run's cleanup to find.
            await _f.Docker.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            try
            {
                await _f.Docker.Volumes.RemoveAsync(volume);
            }
            catch (Docker.DotNet.DockerApiException)
            {
                // Never created.
            }
        }
    }

    [Fact]
    public void NewContainer_EveryPortForm_BecomesItsBinding()
    {
        var name = _f.UniqueName("ports");
        _f.Run($"New-Container $TestImage -Name {name} -Label $TestLabel -Port '81:80', '127.0.0.1:82:80', '127.0.0.1::83', '127.0.0.1:84:80/udp', '85', '8086-8087:86-87', '[::1]:88:88', '9000-9010:89'").AssertNoErrors();

        var bindings = _f.Inspect(name)!.HostConfig!.PortBindings;
        string Render(string key) => string.Join(",", bindings[key].Select(b => b.HostIP + "|" + b.HostPort));
        Assert.Equal("|81,127.0.0.1|82", Render("80/tcp"));
        Assert.Equal("127.0.0.1|", Render("83/tcp"));
        Assert.Equal("127.0.0.1|84", Render("80/udp"));
        Assert.Equal("|", Render("85/tcp"));
        Assert.Equal("|8086", Render("86/tcp"));
        Assert.Equal("|8087", Render("87/tcp"));
        Assert.Equal("::1|88", Render("88/tcp"));
        Assert.Equal("|9000-9010", Render("89/tcp"));
    }

    [Theory]
    [InlineData("-Port '80:80','99999:80'", "InvalidPort", "99999:80")]
    [InlineData("-Port 'localhost:80:80'", "InvalidPort", "localhost:80:80")]
    [InlineData("-Volume 'relative/path'", "InvalidVolume", "relative/path")]
    [InlineData("-Volume '/a:/b:readonly'", "InvalidVolume", "/a:/b:readonly")]
    [InlineData("-RestartPolicy sometimes", "InvalidRestartPolicy", "sometimes")]
    public void NewContainer_BadSpec_IsATerminatingInvalidArgument_BeforeAnythingIsCreated(string parameters, string errorId, string spec)
    {
        var name = _f.UniqueName("bad");
        var result = _f.Run($"try {{ New-Container $TestImage -Name {name} -Label $TestLabel {parameters}; 'not reached' }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(errorId + ",PSDocker.Commands.NewContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(spec, error.TargetObject);
        Assert.Contains("'" + spec + "'", error.Exception.Message);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void NewContainer_Memory_TakesDockerSizes_AndRejectsGarbageAtBinding()
    {
        var name = _f.UniqueName("mem");
        _f.Run($"New-Container $TestImage -Name {name} -Label $TestLabel -Memory '1.5g'").AssertNoErrors();
        Assert.Equal(1536L * 1024 * 1024, _f.Inspect(name)!.HostConfig!.Memory);

        var bad = _f.UniqueName("mem");
        var result = _f.Run($"try {{ New-Container $TestImage -Name {bad} -Label $TestLabel -Memory '12x' }} catch {{ $_ }}");
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
        Assert.Contains("'12x'", error.Exception.Message);
        Assert.Null(_f.Inspect(bad));
    }

    [Fact]
    public void NewContainer_Dns_LandsInResolvConf()
    {
        var result = _f.Run("Invoke-Container $TestImage -Dns 10.1.2.3, 10.1.2.4 -Remove -Label $TestLabel -Command cat,/etc/resolv.conf").AssertNoErrors();
        var lines = result.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Contains("nameserver 10.1.2.3", lines);
        Assert.Contains("nameserver 10.1.2.4", lines);
    }

    [Fact]
    public void NewContainer_RelativeBind_IsResolvedAgainstTheCurrentLocation()
    {
        var dir = Directory.CreateTempSubdirectory("psd-bind-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "marker.txt"), "from-the-host");
            var result = _f.Run($"$here = $PWD; $null = $ExecutionContext.SessionState.Path.SetLocation('{dir.FullName}'); try {{ Invoke-Container $TestImage -Volume './:/mnt:ro' -Remove -Label $TestLabel -Command cat,/mnt/marker.txt }} finally {{ $null = $ExecutionContext.SessionState.Path.SetLocation($here.Path) }}").AssertNoErrors();
            Assert.Equal(new object[] { "from-the-host" }, result.Output.Select(o => o.BaseObject));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void NewContainer_NameInUse_IsANonTerminatingResourceExistsError()
    {
        var name = _f.UniqueName("dup");
        _f.CreateContainer(name, new[] { "true" }, start: false);

        var result = _f.Run($"New-Container $TestImage -Name {name} -Label $TestLabel; 'went on'");
        Assert.Equal("went on", Assert.Single(result.Output).BaseObject);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNameInUse,PSDocker.Commands.NewContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal(name, error.TargetObject);
    }

    [Fact]
    public void InvokeContainer_UnknownNetwork_IsNetworkNotFound_AndLeavesNothingWithRemove()
    {
        var name = _f.UniqueName("nonet");
        // The engine accepts the network name at create and refuses it at start.
        var result = _f.Run($"Invoke-Container $TestImage -Name {name} -Label $TestLabel -Network nosuch-{_f.RunId} -Remove -Command true");
        var error = Assert.Single(result.Errors);
        Assert.Equal("NetworkNotFound,PSDocker.Commands.InvokeContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(name, error.TargetObject);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void NewContainer_PullNever_MissingImage_IsImageNotFound()
    {
        var name = _f.UniqueName("never");
        var image = $"psdocker-test/absent-{_f.RunId}:latest";
        var result = _f.Run($"New-Container {image} -Name {name} -Label $TestLabel -Pull Never");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageNotFound,PSDocker.Commands.NewContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(image, error.TargetObject);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void NewContainer_PullFromAnUnreachableRegistry_IsAClearErrorNamingTheImage()
    {
        var name = _f.UniqueName("unreach");
        // Port 1 on loopback: nothing listens, so the engine's pull fails at once.
        var image = "127.0.0.1:1/psdocker-test/absent:latest";
        var result = _f.Run($"New-Container {image} -Name {name} -Label $TestLabel");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImagePullFailed,PSDocker.Commands.NewContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(image, error.TargetObject);
        Assert.Contains($"Unable to pull image '{image}'", error.Exception.Message);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void NewContainer_WhatIf_CreatesNothing()
    {
        var name = _f.UniqueName("whatif");
        var result = _f.Run($"New-Container $TestImage -Name {name} -Label $TestLabel -WhatIf").AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void NewContainer_OutputPipesIntoTheOtherCmdlets()
    {
        var name = _f.UniqueName("pipe");
        var listed = _f.Run($"New-Container $TestImage -Name {name} -Label $TestLabel | Get-Container").AssertNoErrors().Objects<Container>();
        Assert.Equal(name, Assert.Single(listed).Name);
    }
}
