using System.Diagnostics;
using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Connect-Registry and Disconnect-Registry against a registry on loopback that asks for a password
/// (htpasswd): the engine checks the credentials, the session keeps them for push and pull, -Save
/// writes a docker config the docker CLI uses, and no password shows in any stream.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class RegistryTests : IClassFixture<AuthenticatedLocalRegistry>
{
    private const string WrongPassword = "Wr0ng-Pa55-never-shown";
    private readonly EngineFixture _f;
    private readonly AuthenticatedLocalRegistry _registry;

    public RegistryTests(EngineFixture fixture, AuthenticatedLocalRegistry registry)
    {
        _f = fixture;
        _registry = registry;
    }

    private static PSCredential Credential(string password) =>
        new(AuthenticatedLocalRegistry.User, new System.Net.NetworkCredential(string.Empty, password).SecurePassword);

    private PipelineResult RunWithCredential(string script, string password) =>
        _f.Run("param($Credential) " + script, new Dictionary<string, object?> { ["Credential"] = Credential(password) });

    [Fact]
    public void ConnectRegistry_WrongPassword_IsRegistryAuthenticationFailed_PasswordInNoStream()
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript($"param($Credential) Connect-Registry {_registry.Address} -Credential $Credential -Verbose -Debug").AddParameter("Credential", Credential(WrongPassword));
        var output = ps.Invoke();

        var error = Assert.Single(ps.Streams.Error);
        Assert.Equal("RegistryAuthenticationFailed,PSDocker.Commands.ConnectRegistryCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(_registry.Address, error.TargetObject);
        Assert.Contains(_registry.Address, error.Exception.Message);
        var everything = string.Join("\n", output.Select(o => o.ToString()))
            + error + error.Exception + error.Exception.InnerException
            + string.Join("\n", ps.Streams.Verbose.Select(v => v.Message))
            + string.Join("\n", ps.Streams.Debug.Select(d => d.Message))
            + string.Join("\n", ps.Streams.Warning.Select(w => w.Message))
            + string.Join("\n", ps.Streams.Information.Select(i => i.MessageData));
        Assert.DoesNotContain(WrongPassword, everything);
    }

    [Fact]
    public async Task ConnectRegistry_RightPassword_LetsPushAndPullWork_DisconnectForgetsIt()
    {
        var remote = $"{_registry.Address}/{ImageRunCleanup.RepositoryPrefix(_f)}auth:1";
        var id = await _f.CommitImageAsync(remote.Substring(0, remote.LastIndexOf(':')), "1");
        _f.Run($"Disconnect-Registry {_registry.Address}").AssertNoErrors();

        var refused = _f.Run($"Publish-Image {remote}");
        Assert.Equal("ImagePushFailed,PSDocker.Commands.PublishImageCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);

        RunWithCredential($"Connect-Registry {_registry.Address} -Credential $Credential", AuthenticatedLocalRegistry.Password).AssertNoErrors();
        try
        {
            var pushed = _f.Run($"Publish-Image {remote}").AssertNoErrors().Objects<Image>();
            Assert.Equal(id, Assert.Single(pushed).Id);

            _f.Run($"Remove-Image {remote}").AssertNoErrors();
            var pulled = _f.Run($"Install-Image {remote}").AssertNoErrors().Objects<Image>();
            Assert.Equal(id, Assert.Single(pulled).Id);
        }
        finally
        {
            _f.Run($"Disconnect-Registry {_registry.Address}").AssertNoErrors();
        }

        _f.Run($"Remove-Image {remote}").AssertNoErrors();
        var forgotten = _f.Run($"Install-Image {remote}");
        Assert.Equal("ImagePullFailed,PSDocker.Commands.InstallImageCommand", Assert.Single(forgotten.Errors).FullyQualifiedErrorId);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(remote));
    }

    [Fact]
    public async Task BuildImage_FromAnImageInAPrivateRegistry_SendsTheSessionsCredentials_AsDockerBuildDoes()
    {
        var remote = $"{_registry.Address}/{ImageRunCleanup.RepositoryPrefix(_f)}base:1";
        var built = $"{ImageRunCleanup.RepositoryPrefix(_f)}onprivate:1";
        await _f.CommitImageAsync(remote.Substring(0, remote.LastIndexOf(':')), "1");
        var context = Directory.CreateTempSubdirectory("psd-build-private-");
        File.WriteAllText(Path.Combine(context.FullName, "Dockerfile"), $"FROM {remote}\nLABEL {EngineFixture.LabelKey}={_f.RunId}\n");
        try
        {
            RunWithCredential($"Connect-Registry {_registry.Address} -Credential $Credential", AuthenticatedLocalRegistry.Password).AssertNoErrors();
            _f.Run($"Publish-Image {remote}").AssertNoErrors();
            _f.Run($"Remove-Image {remote}").AssertNoErrors();
            _f.Run($"Disconnect-Registry {_registry.Address}").AssertNoErrors();

            // Without credentials the engine cannot pull the base image.
            var refused = _f.Run($"Build-Image '{context.FullName}' -Tag {built} -Pull");
            Assert.Equal("ImageBuildFailed,PSDocker.Commands.BuildImageCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
            await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(built));

            RunWithCredential($"Connect-Registry {_registry.Address} -Credential $Credential", AuthenticatedLocalRegistry.Password).AssertNoErrors();
            var image = Assert.Single(_f.Run($"Build-Image '{context.FullName}' -Tag {built} -Pull").AssertNoErrors().Objects<Image>());
            Assert.Equal((await _f.Docker.Images.InspectImageAsync(built)).ID, image.Id);
        }
        finally
        {
            _f.Run($"Disconnect-Registry {_registry.Address}").AssertNoErrors();
            context.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ConnectRegistry_Save_WritesAConfigTheDockerCliUses_DisconnectErasesIt()
    {
        var configDir = Directory.CreateTempSubdirectory("psd-docker-config-");
        var previous = Environment.GetEnvironmentVariable("DOCKER_CONFIG");
        var remote = $"{_registry.Address}/{ImageRunCleanup.RepositoryPrefix(_f)}saved:1";
        await _f.CommitImageAsync(remote.Substring(0, remote.LastIndexOf(':')), "1");
        try
        {
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", configDir.FullName);
            RunWithCredential($"Connect-Registry {_registry.Address} -Credential $Credential -Save", AuthenticatedLocalRegistry.Password).AssertNoErrors();
            _f.Run($"Disconnect-Registry {_registry.Address} -WhatIf").AssertNoErrors();

            var config = File.ReadAllText(Path.Combine(configDir.FullName, "config.json"));
            Assert.Contains(_registry.Address, config);
            Assert.DoesNotContain(AuthenticatedLocalRegistry.Password, config); // base64, as the docker CLI writes it

            var (exitCode, output) = DockerCli(configDir.FullName, "push", remote);
            Assert.True(exitCode == 0, output);

            _f.Run($"Disconnect-Registry {_registry.Address}").AssertNoErrors();
            Assert.DoesNotContain(_registry.Address, File.ReadAllText(Path.Combine(configDir.FullName, "config.json")));
            var (afterLogout, _) = DockerCli(configDir.FullName, "push", remote);
            Assert.NotEqual(0, afterLogout);
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_CONFIG", previous);
            _f.Run($"Disconnect-Registry {_registry.Address}");
            configDir.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output) DockerCli(string configDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configDir);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOCKER_HOST"] = EngineFixture.EngineHost;
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error);
    }
}
