using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json;
using PSDocker.EngineAccess;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Get/New/Remove/Use-ContainerContext over a temporary docker configuration folder (never the user's),
/// checked against the docker CLI binary reading and writing the same folder.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ContainerContextTests : IDisposable
{
    private readonly EngineFixture _f;
    private readonly string _config = Directory.CreateTempSubdirectory("psd-ctxstore-").FullName;

    public ContainerContextTests(EngineFixture fixture) => _f = fixture;

    private string ConfigFile => Path.Combine(_config, "config.json");

    private static string? DockerCli => new[] { "/usr/local/bin/docker", "/usr/bin/docker" }.FirstOrDefault(File.Exists);

    /// <summary>Runs a script with DOCKER_CONFIG at the test's folder and no DOCKER_HOST/DOCKER_CONTEXT, restoring the environment after.</summary>
    private PipelineResult RunInConfig(string script) => _f.Run($$"""
        $saved = @{ DOCKER_CONFIG = $env:DOCKER_CONFIG; DOCKER_CONTEXT = $env:DOCKER_CONTEXT; DOCKER_HOST = $env:DOCKER_HOST }
        $env:DOCKER_CONFIG = '{{_config}}'
        $env:DOCKER_CONTEXT = $null
        $env:DOCKER_HOST = $null
        try { {{script}} }
        finally { foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) } }
        """);

    /// <summary>Runs the docker CLI over the test's folder (no DOCKER_HOST/DOCKER_CONTEXT); returns its stdout, failing on a non-zero exit.</summary>
    private string Docker(params string[] args)
    {
        var start = new ProcessStartInfo(DockerCli!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOCKER_CONFIG"] = _config;
        start.Environment.Remove("DOCKER_HOST");
        start.Environment.Remove("DOCKER_CONTEXT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private List<JsonElement> DockerContextLs() =>
        Docker("context", "ls", "--format", "{{json .}}").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void NewContainerContext_WritesWhatTheDockerCliReads()
    {
        if (DockerCli is null)
        {
            return;
        }

        var created = Assert.Single(RunInConfig("New-ContainerContext -Name psd-new -DockerHost tcp://127.0.0.1:2375 -Description 'made by PSDocker'").AssertNoErrors().Objects<ContainerContext>());
        Assert.Equal("psd-new", created.Name);
        Assert.Equal("tcp://127.0.0.1:2375", created.DockerEndpoint);

        var listed = Assert.Single(DockerContextLs(), c => c.GetProperty("Name").GetString() == "psd-new");
        Assert.Equal("made by PSDocker", listed.GetProperty("Description").GetString());
        Assert.Equal("tcp://127.0.0.1:2375", listed.GetProperty("DockerEndpoint").GetString());
        Assert.Equal(string.Empty, listed.GetProperty("Error").GetString());
        var meta = File.ReadAllText(Path.Combine(_config, "contexts", "meta", DockerConfigStore.ContextId("psd-new"), "meta.json"));
        Assert.Equal("""{"Name":"psd-new","Metadata":{"Description":"made by PSDocker"},"Endpoints":{"docker":{"Host":"tcp://127.0.0.1:2375","SkipTLSVerify":false}}}""", meta);
    }

    [Fact]
    public void ContextMadeByTheDockerCli_IsListed_AndReachesItsEngine()
    {
        if (DockerCli is null)
        {
            return;
        }

        Docker("context", "create", "psd-cli", "--description", "made by docker", "--docker", "host=" + EngineFixture.EngineHost);
        _f.CreateContainer(_f.UniqueName("ctxcli"), TestCommands.ExitsWith(0), start: false);

        var context = Assert.Single(RunInConfig("Get-ContainerContext psd-cli").AssertNoErrors().Objects<ContainerContext>());
        Assert.Equal("made by docker", context.Description);
        Assert.Equal(EngineFixture.EngineHost, context.DockerEndpoint);
        Assert.False(context.Current);

        var containers = RunInConfig("Get-Container -Context psd-cli -Label $TestLabelFilter").AssertNoErrors().Objects<Container>();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal("psd-cli", c.Engine.Context));
    }

    [Fact]
    public void NewContainerContext_WithTlsMaterial_ReachesATlsEngine_ForEveryEngineCall()
    {
        using var proxy = new TlsEngineProxy(new Uri(EngineFixture.EngineHost).LocalPath);
        var certs = proxy.CertificateDirectory;
        RunInConfig($"New-ContainerContext psd-tls -DockerHost {proxy.Host} -TlsCaPath '{certs}/ca.pem' -TlsCertificatePath '{certs}/cert.pem' -TlsKeyPath '{certs}/key.pem'").AssertNoErrors();

        var engine = Assert.Single(RunInConfig("Get-ContainerEngine -Context psd-tls").AssertNoErrors().Objects<EngineInfo>());
        Assert.Equal("psd-tls", engine.Context);
        Assert.Equal(new Uri(proxy.Host), engine.Endpoint);

        // /system/df goes around the client library: it must take the context's TLS too.
        var usage = RunInConfig("Get-ContainerEngineUsage -Context psd-tls").AssertNoErrors().Objects<EngineUsage>();
        Assert.Equal(4, usage.Count);
        Assert.All(usage, u => Assert.Equal("psd-tls", u.Engine.Context));
    }

    [Fact]
    public void GetContainerContext_ListsTheDefaultAndMarksTheCurrent_LikeDockerContextLs()
    {
        RunInConfig("New-ContainerContext b-ctx unix:///var/run/docker.sock; New-ContainerContext a-ctx unix:///var/run/docker.sock").AssertNoErrors();
        File.WriteAllText(ConfigFile, """{"currentContext":"b-ctx"}""");

        var contexts = RunInConfig("Get-ContainerContext").AssertNoErrors().Objects<ContainerContext>();

        Assert.Equal(new[] { "a-ctx", "b-ctx", "default" }, contexts.Select(c => c.Name));
        Assert.Equal("b-ctx", Assert.Single(contexts, c => c.Current).Name);
        Assert.Equal("Current DOCKER_HOST based configuration", contexts[2].Description);
        Assert.Equal(new[] { "a-ctx" }, RunInConfig("Get-ContainerContext a*").AssertNoErrors().Objects<ContainerContext>().Select(c => c.Name));
        Assert.Equal(new[] { "b-ctx" }, RunInConfig("Get-ContainerContext -Current").AssertNoErrors().Objects<ContainerContext>().Select(c => c.Name));
        if (DockerCli is not null)
        {
            Assert.Equal(contexts.Select(c => (c.Name, c.Current)), DockerContextLs().Select(c => (c.GetProperty("Name").GetString()!, c.GetProperty("Current").GetBoolean())));
        }
    }

    [Fact]
    public void UseContainerContext_WritesCurrentContext_AndKeepsEveryOtherKeyAsItWas()
    {
        var original = "{\n\t\"auths\": {\n\t\t\"registry.example:5000\": {\n\t\t\t\"auth\": \"dTpw\"\n\t\t}\n\t},\n\t\"credsStore\": \"pass\",\n\t\"currentContext\": \"old\",\n\t\"psFormat\": \"table {{.ID}}\\t{{.Names}}\",\n\t\"proxies\": {\"default\": {\"httpProxy\": \"http://127.0.0.1:3128\", \"noProxy\": \"a+b,\\u00e9\"}},\n\t\"numbers\": [1.50, 2e3, -0]\n}";
        File.WriteAllText(ConfigFile, original);
        RunInConfig("New-ContainerContext psd-use unix:///var/run/docker.sock").AssertNoErrors();

        var used = Assert.Single(RunInConfig("Use-ContainerContext psd-use -PassThru").AssertNoErrors().Objects<ContainerContext>());
        Assert.True(used.Current);

        using var before = JsonDocument.Parse(original);
        using var after = JsonDocument.Parse(File.ReadAllText(ConfigFile));
        Assert.Equal("psd-use", after.RootElement.GetProperty("currentContext").GetString());
        var keptBefore = before.RootElement.EnumerateObject().Where(p => p.Name != "currentContext").Select(p => (p.Name, p.Value.GetRawText())).ToList();
        var keptAfter = after.RootElement.EnumerateObject().Where(p => p.Name != "currentContext").Select(p => (p.Name, p.Value.GetRawText())).ToList();
        Assert.Equal(keptBefore, keptAfter);
        if (DockerCli is not null)
        {
            Assert.True(Assert.Single(DockerContextLs(), c => c.GetProperty("Name").GetString() == "psd-use").GetProperty("Current").GetBoolean());
        }

        RunInConfig("Use-ContainerContext default").AssertNoErrors();
        using var reset = JsonDocument.Parse(File.ReadAllText(ConfigFile));
        Assert.False(reset.RootElement.TryGetProperty("currentContext", out _));
        Assert.Equal(keptBefore, reset.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToList());
    }

    [Fact]
    public void UseContainerContext_ADockerCliSwitch_IsSeenByPSDocker()
    {
        if (DockerCli is null)
        {
            return;
        }

        RunInConfig("New-ContainerContext psd-switch unix:///var/run/docker.sock").AssertNoErrors();
        Docker("context", "use", "psd-switch");
        Assert.Equal("psd-switch", Assert.Single(RunInConfig("Get-ContainerContext -Current").AssertNoErrors().Objects<ContainerContext>()).Name);
    }

    [Fact]
    public void UseContainerContext_Unknown_IsContextNotFound_AndConfigIsUntouched()
    {
        File.WriteAllText(ConfigFile, """{"credsStore":"pass"}""");
        var result = RunInConfig("Use-ContainerContext nosuch-ctx");
        SingleError(result, "ContextNotFound", "UseContainerContextCommand", ErrorCategory.ObjectNotFound, "nosuch-ctx");
        Assert.Equal("""{"credsStore":"pass"}""", File.ReadAllText(ConfigFile));
    }

    [Fact]
    public void UseContainerContext_WithDockerHostSet_Warns()
    {
        RunInConfig("New-ContainerContext psd-warn unix:///var/run/docker.sock").AssertNoErrors();
        var result = RunInConfig("$env:DOCKER_HOST = 'unix:///var/run/docker.sock'; Use-ContainerContext psd-warn").AssertNoErrors();
        Assert.Contains(result.Warnings, w => w.Contains("DOCKER_HOST"));
    }

    [Fact]
    public void RemoveContainerContext_Current_WithoutForce_IsContextInUse_AndKept_WithForce_IsRemoved()
    {
        RunInConfig("New-ContainerContext psd-rm unix:///var/run/docker.sock; Use-ContainerContext psd-rm").AssertNoErrors();
        var meta = Path.Combine(_config, "contexts", "meta", DockerConfigStore.ContextId("psd-rm"));

        SingleError(RunInConfig("Remove-ContainerContext psd-rm"), "ContextInUse", "RemoveContainerContextCommand", ErrorCategory.ResourceBusy, "psd-rm");
        Assert.True(Directory.Exists(meta));

        RunInConfig("Remove-ContainerContext psd-rm -Force").AssertNoErrors();
        Assert.False(Directory.Exists(meta));
        using var config = JsonDocument.Parse(File.ReadAllText(ConfigFile));
        Assert.False(config.RootElement.TryGetProperty("currentContext", out _));
    }

    [Fact]
    public void RemoveContainerContext_PipedFromGet_RemovesEach_AndTheTlsMaterial()
    {
        var pem = Path.Combine(_config, "client.pem");
        File.WriteAllText(pem, "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
        RunInConfig($"New-ContainerContext psd-p1 tcp://127.0.0.1:2376 -TlsCaPath '{pem}' -TlsCertificatePath '{pem}' -TlsKeyPath '{pem}' -SkipTlsVerify; New-ContainerContext psd-p2 unix:///var/run/docker.sock").AssertNoErrors();
        var tls = Path.Combine(_config, "contexts", "tls", DockerConfigStore.ContextId("psd-p1"), "docker");
        Assert.Equal(new[] { "ca.pem", "cert.pem", "key.pem" }, Directory.GetFiles(tls).Select(Path.GetFileName).OrderBy(n => n));
        var p1 = Assert.Single(RunInConfig("Get-ContainerContext psd-p1").AssertNoErrors().Objects<ContainerContext>());
        Assert.True(p1.SkipTlsVerify);
        Assert.Equal(tls, p1.TlsPath);

        RunInConfig("Get-ContainerContext psd-p* | Remove-ContainerContext").AssertNoErrors();

        Assert.Equal(new[] { "default" }, RunInConfig("Get-ContainerContext").AssertNoErrors().Objects<ContainerContext>().Select(c => c.Name));
        Assert.False(Directory.Exists(Path.GetDirectoryName(tls)));
    }

    [Fact]
    public void RemoveContainerContext_DefaultOrUnknown_AreErrors_PerItem()
    {
        RunInConfig("New-ContainerContext psd-keep unix:///var/run/docker.sock").AssertNoErrors();
        var result = RunInConfig("Remove-ContainerContext default, nosuch-ctx -WhatIf");
        Assert.Equal(new[] { "DefaultContextNotRemovable,PSDocker.Commands.RemoveContainerContextCommand", "ContextNotFound,PSDocker.Commands.RemoveContainerContextCommand" }, result.Errors.Select(e => e.FullyQualifiedErrorId));
        Assert.Equal(new object[] { "default", "nosuch-ctx" }, result.Errors.Select(e => e.TargetObject));
    }

    [Theory]
    [InlineData("New-ContainerContext psd-bad -DockerHost 'ftp://host'", "InvalidDockerHost", "ftp://host")]
    [InlineData("New-ContainerContext psd-bad -DockerHost 'tcp://host:notaport'", "InvalidDockerHost", "tcp://host:notaport")]
    [InlineData("New-ContainerContext 'bad name' -DockerHost unix:///var/run/docker.sock", "InvalidContextName", "bad name")]
    [InlineData("New-ContainerContext default -DockerHost unix:///var/run/docker.sock", "InvalidContextName", "default")]
    [InlineData("New-ContainerContext psd-bad -DockerHost tcp://127.0.0.1:2376 -TlsCertificatePath /nonexistent.pem -TlsKeyPath /nonexistent.pem", "TlsFileNotFound", "/nonexistent.pem")]
    [InlineData("New-ContainerContext psd-bad -DockerHost tcp://127.0.0.1:2376 -TlsCertificatePath /nonexistent.pem", "IncompleteTlsMaterial", "psd-bad")]
    public void NewContainerContext_BadInput_IsAnError_AndWritesNothing(string script, string errorId, string target)
    {
        var result = RunInConfig(script);
        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + ",PSDocker.Commands.NewContainerContextCommand", error.FullyQualifiedErrorId);
        Assert.Equal(target, error.TargetObject);
        Assert.False(Directory.Exists(Path.Combine(_config, "contexts")));
    }

    [Fact]
    public void NewContainerContext_Existing_IsContextExists()
    {
        RunInConfig("New-ContainerContext psd-dup unix:///var/run/docker.sock").AssertNoErrors();
        SingleError(RunInConfig("New-ContainerContext psd-dup tcp://127.0.0.1:2375"), "ContextExists", "NewContainerContextCommand", ErrorCategory.ResourceExists, "psd-dup");
        Assert.Equal("unix:///var/run/docker.sock", Assert.Single(RunInConfig("Get-ContainerContext psd-dup").Objects<ContainerContext>()).DockerEndpoint);
    }

    [Fact]
    public void GetContainerContext_Unknown_IsContextNotFound()
    {
        SingleError(RunInConfig("Get-ContainerContext nosuch-ctx"), "ContextNotFound", "GetContainerContextCommand", ErrorCategory.ObjectNotFound, "nosuch-ctx");
        Assert.Empty(RunInConfig("Get-ContainerContext nosuch*").AssertNoErrors().Output);
    }

    [Fact]
    public void ContextCmdlets_WhatIf_ChangeNothing()
    {
        RunInConfig("New-ContainerContext psd-wi unix:///var/run/docker.sock").AssertNoErrors();
        File.WriteAllText(ConfigFile, """{"credsStore":"pass"}""");

        RunInConfig("New-ContainerContext psd-wi2 unix:///var/run/docker.sock -WhatIf; Use-ContainerContext psd-wi -WhatIf; Remove-ContainerContext psd-wi -WhatIf").AssertNoErrors();

        Assert.Equal(new[] { "default", "psd-wi" }, RunInConfig("Get-ContainerContext").Objects<ContainerContext>().Select(c => c.Name));
        Assert.Equal("""{"credsStore":"pass"}""", File.ReadAllText(ConfigFile));
    }

    [Fact]
    public void ContextName_Completes_ForTheContextCmdletsAndTheContextParameter()
    {
        RunInConfig("New-ContainerContext psd-comp-one unix:///var/run/docker.sock; New-ContainerContext psd-comp-two unix:///var/run/docker.sock").AssertNoErrors();
        foreach (var line in new[] { "Use-ContainerContext psd-comp", "Remove-ContainerContext -Name psd-comp", "Get-ContainerContext psd-comp", "Get-Container -Context psd-comp" })
        {
            var result = RunInConfig($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();
            Assert.Equal(new[] { "psd-comp-one", "psd-comp-two" }, result.Output.Select(o => o.BaseObject.ToString()));
        }
    }

    public void Dispose() => Directory.Delete(_config, recursive: true);
}
