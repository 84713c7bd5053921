using System.Management.Automation;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>TLS the way the docker CLI does it: DOCKER_TLS_VERIFY + DOCKER_CERT_PATH, against a TLS endpoint in front of the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class TlsTests : IDisposable
{
    private readonly EngineFixture _f;
    private readonly TlsEngineProxy _proxy;

    public TlsTests(EngineFixture fixture)
    {
        _f = fixture;
        _proxy = new TlsEngineProxy(new Uri(EngineFixture.EngineHost).LocalPath);
        _f.CreateContainer(_f.UniqueName("tls"), new[] { "true" }, start: false);
    }

    private PipelineResult RunWithTlsEnvironment(string certPath, string script) => _f.Run($$"""
        $saved = @{ DOCKER_HOST = $env:DOCKER_HOST; DOCKER_TLS_VERIFY = $env:DOCKER_TLS_VERIFY; DOCKER_CERT_PATH = $env:DOCKER_CERT_PATH }
        $env:DOCKER_HOST = '{{_proxy.Host}}'; $env:DOCKER_TLS_VERIFY = '1'; $env:DOCKER_CERT_PATH = '{{certPath}}'
        try { {{script}} }
        finally { foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) } }
        """);

    [Fact]
    public void TlsVerifyEnvironment_ReachesTheEngineWithTheClientCertificate()
    {
        var result = RunWithTlsEnvironment(_proxy.CertificateDirectory, "Get-Container -Label $TestLabelFilter").AssertNoErrors();
        var containers = result.Objects<Container>();
        Assert.NotEmpty(containers);
        Assert.All(containers, c => Assert.Equal(_proxy.Host + "/", c.Engine.Uri.ToString()));
    }

    [Fact]
    public void WithoutTheClientCertificate_TheEngineIsUnreachable_WithOneClearError()
    {
        var empty = Directory.CreateTempSubdirectory("psd-nocert-").FullName;
        try
        {
            File.Copy(Path.Combine(_proxy.CertificateDirectory, "ca.pem"), Path.Combine(empty, "ca.pem"));
            var result = RunWithTlsEnvironment(empty, "try { Get-Container; 'not reached' } catch { $_ }");
            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.Equal("EngineUnreachable,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
            Assert.Contains(_proxy.Host, error.Exception.Message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void AServerCertificateFromAnotherAuthority_IsRefused()
    {
        var other = Directory.CreateTempSubdirectory("psd-otherca-").FullName;
        try
        {
            foreach (var file in new[] { "cert.pem", "key.pem" })
            {
                File.Copy(Path.Combine(_proxy.CertificateDirectory, file), Path.Combine(other, file));
            }

            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=someone-else", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var foreignCa = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(other, "ca.pem"), foreignCa.ExportCertificatePem());

            var result = RunWithTlsEnvironment(other, "try { Get-Container; 'not reached' } catch { $_ }");
            var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
            Assert.Equal("EngineUnreachable,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    public void Dispose() => _proxy.Dispose();
}
