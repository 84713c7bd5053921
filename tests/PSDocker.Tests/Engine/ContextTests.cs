using PSDocker.EngineAccess;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class ContextTests : IDisposable
{
    private readonly EngineFixture _f;
    private readonly string _config = Directory.CreateTempSubdirectory("psd-config-").FullName;
    private readonly string _context;

    public ContextTests(EngineFixture fixture)
    {
        _f = fixture;
        _context = "psd-ctx-" + fixture.RunId;
        var meta = Path.Combine(_config, "contexts", "meta", DockerConfigStore.ContextId(_context));
        Directory.CreateDirectory(meta);
        File.WriteAllText(Path.Combine(meta, "meta.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            Name = _context,
            Metadata = new { },
            Endpoints = new { docker = new { Host = EngineHost, SkipTLSVerify = false } },
        }));
        _f.CreateContainer(_f.UniqueName("ctx"), new[] { "sleep", "300" });
    }

    private static string EngineHost => EngineFixture.EngineHost;

    /// <summary>Runs a script with DOCKER_CONFIG pointing at the test's docker config folder, restoring the environment after.</summary>
    private PipelineResult RunWithConfig(string script) => _f.Run($$"""
        $saved = @{ DOCKER_CONFIG = $env:DOCKER_CONFIG; DOCKER_CONTEXT = $env:DOCKER_CONTEXT; DOCKER_HOST = $env:DOCKER_HOST }
        $env:DOCKER_CONFIG = '{{_config}}'
        try { {{script}} }
        finally { foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) } }
        """);

    [Fact]
    public void ContextParameter_ReachesTheContextsEngine_AndObjectsRememberTheContext()
    {
        var result = RunWithConfig($"Get-Container -Context {_context} -Label $TestLabelFilter").AssertNoErrors();
        var containers = result.Objects<Container>();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal(_context, c.Engine.Context));
    }

    [Fact]
    public void DockerContextVariable_AndConfigCurrentContext_AreHonoured()
    {
        var viaVariable = RunWithConfig($"$env:DOCKER_HOST = $null; $env:DOCKER_CONTEXT = '{_context}'; Get-Container -Label $TestLabelFilter").AssertNoErrors();
        Assert.All(viaVariable.Objects<Container>(), c => Assert.Equal(_context, c.Engine.Context));
        Assert.NotEmpty(viaVariable.Objects<Container>());

        File.WriteAllText(Path.Combine(_config, "config.json"), $$"""{"currentContext":"{{_context}}"}""");
        var viaConfig = RunWithConfig("$env:DOCKER_HOST = $null; $env:DOCKER_CONTEXT = $null; Get-Container -Label $TestLabelFilter").AssertNoErrors();
        Assert.All(viaConfig.Objects<Container>(), c => Assert.Equal(_context, c.Engine.Context));
        Assert.NotEmpty(viaConfig.Objects<Container>());
    }

    [Fact]
    public void UnknownContext_IsATerminatingContextNotFound()
    {
        var result = RunWithConfig("try { Get-Container -Context no-such-context; 'not reached' } catch { $_ }");
        var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("ContextNotFound,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-context", error.TargetObject);
    }

    [Fact]
    public void SeveralEngines_FanOut_EachObjectCarryingItsEngine()
    {
        var result = RunWithConfig($"Get-Container -Context {_context} -DockerHost {EngineHost} -Label $TestLabelFilter").AssertNoErrors();
        var byEngine = result.Objects<Container>().GroupBy(c => c.Engine.Context ?? "(host)").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, byEngine.Count);
        Assert.Equal(byEngine[_context], byEngine["(host)"]);
    }

    [Fact]
    public void PipedObjects_AreActedOnAtTheirOwnEngine_NotTheDefault()
    {
        var result = RunWithConfig($"""
            $c = @(Get-Container -Context {_context} -Label $TestLabelFilter -Status Running)[0]
            $env:DOCKER_HOST = 'unix:///nonexistent/docker.sock'
            $c | Stop-Container -Force -PassThru
            """);
        result.AssertNoErrors();
        var stopped = Assert.Single(result.Objects<Container>());
        Assert.Equal(_context, stopped.Engine.Context);
        Assert.False(_f.Inspect(stopped.Id)!.State!.Running);
    }

    [Fact]
    public void ApiVersion_IsNegotiatedWithTheEngine()
    {
        var container = _f.Run("Get-Container -Label $TestLabelFilter").AssertNoErrors().Objects<Container>().First();
        var connection = EngineConnection.ForEngine(container.Engine, EndpointResolver.ForCurrentProcess());
        var engineApi = Version.Parse(_f.Docker.System.GetVersionAsync().GetAwaiter().GetResult().APIVersion);
        Assert.Equal(engineApi < ApiVersionNegotiator.MaximumVersion ? engineApi : ApiVersionNegotiator.MaximumVersion, connection.ApiVersion);
    }

    public void Dispose() => Directory.Delete(_config, recursive: true);
}
