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

    [Theory]
    [InlineData("tcp://", "names no host")]
    [InlineData("unix://", "socket's absolute path")]
    [InlineData("tcp://:2375", "not a docker host address")]
    [InlineData("tcp://host:99999", "not a docker host address")]
    [InlineData("npipe:////./pipe/docker_engine", "does not exist on this platform")]
    public void FromHost_UnusableAddress_IsAnArgumentExceptionSayingWhy(string host, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => Resolver().FromHost(host));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void FromHost_NamedPipe_IsFineOnWindows() =>
        Assert.Equal("npipe://./pipe/docker_engine", Resolver(windows: true).FromHost("npipe:////./pipe/docker_engine").Uri.ToString());

    [Fact]
    public void UserInfo_IsNeverShown_ButKeptForConnecting()
    {
        _env["DOCKER_HOST"] = "tcp://admin:S3cret@127.0.0.1:2375";
        var endpoint = Resolver().ResolveDefault();
        Assert.Equal("tcp://127.0.0.1:2375/", endpoint.Uri.ToString());
        Assert.DoesNotContain("S3cret", endpoint.ToString());
        Assert.DoesNotContain("S3cret", endpoint.Key);
        Assert.Equal("admin:S3cret", endpoint.ConnectionUri.UserInfo);
        Assert.NotEqual(endpoint.Key, Resolver().FromHost("tcp://127.0.0.1:2375").Key);

        var engine = new PSDocker.Engine(endpoint.ConnectionUri, null, endpoint.Key);
        Assert.Equal("tcp://127.0.0.1:2375/", engine.Uri.ToString());
        Assert.DoesNotContain("S3cret", engine.ToString());
        Assert.Equal("admin:S3cret", engine.ConnectionUri.UserInfo);
    }

    [Fact]
    public void UserInfo_IsRedactedFromAddressErrors()
    {
        var e = Assert.Throws<ArgumentException>(() => Resolver().FromHost("tcp://admin:S3cret@host:99999"));
        Assert.DoesNotContain("S3cret", e.Message);
        Assert.Contains("tcp://***@host:99999", e.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"Endpoints":"tcp://x"}""")]
    [InlineData("""{"Endpoints":{"docker":{"Host":42}}}""")]
    [InlineData("""{"Endpoints":{"docker":{"Host":"tcp://"}}}""")]
    [InlineData("{oops")]
    public void ContextMetaOfTheWrongShape_IsAnEngineConfigurationErrorNamingTheFile(string json)
    {
        WriteContext("odd", "tcp://127.0.0.1:2375");
        var meta = Path.Combine(_home, ".docker", "contexts", "meta", DockerConfigStore.ContextId("odd"), "meta.json");
        File.WriteAllText(meta, json);
        var e = Assert.Throws<EngineConfigurationException>(() => Resolver().FromContext("odd"));
        Assert.IsAssignableFrom<IOException>(e);
        Assert.Equal(meta, e.Path);
        Assert.Contains("'odd'", e.Message);
    }

    [Theory]
    [InlineData("cert.pem", "garbage")]
    [InlineData("cert.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    [InlineData("key.pem", "not a key")]
    [InlineData("ca.pem", "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n")]
    public void GarbageTlsFile_IsAnEngineConfigurationErrorNamingTheFile(string file, string content)
    {
        var certs = Path.Combine(_home, "certs");
        Directory.CreateDirectory(certs);
        File.WriteAllText(Path.Combine(certs, "cert.pem"), TestPem.Certificate);
        File.WriteAllText(Path.Combine(certs, "key.pem"), TestPem.Key);
        File.WriteAllText(Path.Combine(certs, "ca.pem"), TestPem.Certificate);
        File.WriteAllText(Path.Combine(certs, file), content.Replace("\\n", "\n"));
        _env["DOCKER_TLS_VERIFY"] = "1";
        _env["DOCKER_CERT_PATH"] = certs;
        var e = Assert.Throws<EngineConfigurationException>(() => Resolver().FromHost("tcp://127.0.0.1:2376"));
        Assert.Equal(Path.Combine(certs, file), e.Path);
        Assert.Contains(file, e.Message);
    }

    [Fact]
    public void ValidTlsFiles_Pass()
    {
        var certs = Path.Combine(_home, "certs");
        Directory.CreateDirectory(certs);
        File.WriteAllText(Path.Combine(certs, "cert.pem"), TestPem.Certificate);
        File.WriteAllText(Path.Combine(certs, "key.pem"), TestPem.Key);
        File.WriteAllText(Path.Combine(certs, "ca.pem"), TestPem.Certificate);
        _env["DOCKER_TLS_VERIFY"] = "1";
        _env["DOCKER_CERT_PATH"] = certs;
        Assert.NotNull(Resolver().FromHost("tcp://127.0.0.1:2376").Tls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public void BrokenConfigJson_IsAWarningNamingIt_AndTheDefaultsApply(string json)
    {
        Directory.CreateDirectory(Path.Combine(_home, ".docker"));
        var path = Path.Combine(_home, ".docker", "config.json");
        File.WriteAllText(path, json);
        var resolver = Resolver();
        Assert.Equal("unix:///var/run/docker.sock", resolver.ResolveDefault().Uri.ToString());
        var warning = Assert.Single(resolver.Warnings);
        Assert.Contains(path, warning);
        Assert.Contains("using the defaults", warning);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
