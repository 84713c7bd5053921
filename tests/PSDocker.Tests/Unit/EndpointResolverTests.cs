using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class EndpointResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("psd-home-").FullName;
    private readonly Dictionary<string, string?> _env = new();

    private EndpointResolver Resolver(bool windows = false) =>
        new(name => _env.TryGetValue(name, out var v) ? v : null, _home, windows);

    private void WriteContext(string name, string host, bool skipTls = false, bool withTls = false, string? configDir = null)
    {
        var dir = configDir ?? Path.Combine(_home, ".docker");
        var id = DockerConfigStore.ContextId(name);
        var meta = Path.Combine(dir, "contexts", "meta", id);
        Directory.CreateDirectory(meta);
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            Name = name,
            Metadata = new { },
            Endpoints = new { docker = new { Host = host, SkipTLSVerify = skipTls } },
        });
        File.WriteAllText(Path.Combine(meta, "meta.json"), json);
        if (withTls)
        {
            Directory.CreateDirectory(Path.Combine(dir, "contexts", "tls", id, "docker"));
        }
    }

    private void WriteCurrentContext(string name) =>
        File.WriteAllText(Path.Combine(_home, ".docker", "config.json"), $$"""{"auths":{},"currentContext":"{{name}}"}""");

    [Fact]
    public void Default_IsTheUnixSocket_OrTheNamedPipeOnWindows()
    {
        Assert.Equal("unix:///var/run/docker.sock", Resolver().ResolveDefault().Uri.ToString());
        Assert.Equal("npipe://./pipe/docker_engine", Resolver(windows: true).ResolveDefault().Uri.ToString());
    }

    [Fact]
    public void DockerHost_WinsOverDockerContextAndCurrentContext()
    {
        WriteContext("ctx", "tcp://127.0.0.1:2999");
        WriteCurrentContext("ctx");
        _env["DOCKER_CONTEXT"] = "ctx";
        _env["DOCKER_HOST"] = "unix:///run/other.sock";
        var endpoint = Resolver().ResolveDefault();
        Assert.Equal("unix:///run/other.sock", endpoint.Uri.ToString());
        Assert.Null(endpoint.ContextName);
    }

    [Fact]
    public void DockerContext_WinsOverConfigCurrentContext()
    {
        WriteContext("a", "tcp://127.0.0.1:2001");
        WriteContext("b", "tcp://127.0.0.1:2002");
        WriteCurrentContext("a");
        _env["DOCKER_CONTEXT"] = "b";
        var endpoint = Resolver().ResolveDefault();
        Assert.Equal("b", endpoint.ContextName);
        Assert.Equal(2002, endpoint.Uri.Port);
    }

    [Fact]
    public void ConfigCurrentContext_IsUsed_AndDockerConfigVariableMovesTheFolder()
    {
        var configDir = Path.Combine(_home, "elsewhere");
        Directory.CreateDirectory(configDir);
        WriteContext("remote", "tcp://127.0.0.1:2003", configDir: configDir);
        File.WriteAllText(Path.Combine(configDir, "config.json"), """{"currentContext":"remote"}""");
        _env["DOCKER_CONFIG"] = configDir;
        var endpoint = Resolver().ResolveDefault();
        Assert.Equal("remote", endpoint.ContextName);
        Assert.Equal("tcp://127.0.0.1:2003/", endpoint.Uri.ToString());
    }

    [Fact]
    public void DefaultContextName_MeansTheEnvironment()
    {
        _env["DOCKER_HOST"] = "tcp://127.0.0.1:2375";
        Assert.Equal("tcp://127.0.0.1:2375/", Resolver().FromContext("default").Uri.ToString());
        _env.Remove("DOCKER_HOST");
        Assert.Equal("unix:///var/run/docker.sock", Resolver().FromContext("default").Uri.ToString());
    }

    [Fact]
    public void UnknownContext_ThrowsContextNotFound()
    {
        var e = Assert.Throws<DockerContextNotFoundException>(() => Resolver().FromContext("nope"));
        Assert.Equal("nope", e.ContextName);
    }

    [Fact]
    public void ContextTlsMaterial_IsFound_AndSkipTlsVerifyIsHonoured()
    {
        WriteContext("secure", "tcp://127.0.0.1:2376", skipTls: true, withTls: true);
        var endpoint = Resolver().FromContext("secure");
        Assert.NotNull(endpoint.Tls);
        Assert.False(endpoint.Tls!.VerifyServer);
        Assert.EndsWith(Path.Combine("docker"), endpoint.Tls.CertificateDirectory);
    }

    [Fact]
    public void TlsVerifyEnvironment_AppliesToTcpHosts_NotToSockets()
    {
        _env["DOCKER_TLS_VERIFY"] = "1";
        _env["DOCKER_CERT_PATH"] = "/certs";
        var tcp = Resolver().FromHost("tcp://127.0.0.1:2376");
        Assert.True(tcp.Tls!.VerifyServer);
        Assert.Equal("/certs", tcp.Tls.CertificateDirectory);
        Assert.Null(Resolver().FromHost("unix:///var/run/docker.sock").Tls);
        Assert.NotEqual(tcp.Key, new EngineEndpoint(tcp.Uri, null, null).Key);
    }

    [Theory]
    [InlineData("unix:///var/run/docker.sock", "unix:///var/run/docker.sock")]
    [InlineData("tcp://127.0.0.1:2376", "tcp://127.0.0.1:2376/")]
    [InlineData("tcp://127.0.0.1", "tcp://127.0.0.1:2375/")]
    [InlineData("127.0.0.1:2375", "tcp://127.0.0.1:2375/")]
    [InlineData("npipe:////./pipe/docker_engine", "npipe://./pipe/docker_engine")]
    [InlineData("npipe://./pipe/docker_engine", "npipe://./pipe/docker_engine")]
    public void ParseHost_AcceptsDockerHostForms(string host, string expected) =>
        Assert.Equal(expected, EndpointResolver.ParseHost(host).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("ftp://example")]
    [InlineData("ssh://user@host")]
    public void ParseHost_RejectsWhatItCannotUse(string host) =>
        Assert.Throws<ArgumentException>(() => EndpointResolver.ParseHost(host));

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
