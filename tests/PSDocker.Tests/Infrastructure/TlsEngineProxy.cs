using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// A TLS endpoint on 127.0.0.1 in front of the real engine, as `dockerd --tlsverify` would offer:
/// it presents a server certificate signed by a test CA, requires a client certificate from the same
/// CA, and relays the bytes to the engine's unix socket. The certificates are written as the docker
/// CLI expects them (ca.pem, cert.pem, key.pem) in <see cref="CertificateDirectory"/>.
/// </summary>
public sealed class TlsEngineProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _server;
    private readonly string _socketPath;

    public TlsEngineProxy(string socketPath)
    {
        _socketPath = socketPath;
        CertificateDirectory = Directory.CreateTempSubdirectory("psd-tls-").FullName;
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=psdocker-test-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        _ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddDays(2));
        _server = Issue("CN=localhost", serverAuth: true);
        using var client = Issue("CN=psdocker-test-client", serverAuth: false);

        File.WriteAllText(Path.Combine(CertificateDirectory, "ca.pem"), _ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(CertificateDirectory, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(CertificateDirectory, "key.pem"), client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public string CertificateDirectory { get; }

    public int Port { get; }

    public string Host => $"tcp://127.0.0.1:{Port}";

    private X509Certificate2 Issue(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2") }, false));
        if (serverAuth)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(_ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1), serial);
        var withKey = issued.CopyWithPrivateKey(key);
        // SslStream on Linux wants a certificate whose key it can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream(), false, ValidateClient);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _server,
                    ClientCertificateRequired = true,
                }, _stop.Token);
                using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
                await using var engineStream = new NetworkStream(engine, ownsSocket: false);
                var up = tls.CopyToAsync(engineStream, _stop.Token);
                var down = engineStream.CopyToAsync(tls, _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception)
            {
                // A refused handshake or a closed connection ends this relay only.
            }
        }
    }

    private bool ValidateClient(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        using var verify = new X509Chain();
        verify.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        verify.ChainPolicy.CustomTrustStore.Add(_ca);
        verify.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return verify.Build(new X509Certificate2(certificate));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _server.Dispose();
        _ca.Dispose();
        Directory.Delete(CertificateDirectory, recursive: true);
    }
}
