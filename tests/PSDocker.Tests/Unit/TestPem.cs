using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PSDocker.Tests.Unit;

/// <summary>A self-signed certificate and its key as PEM, made once per run.</summary>
internal static class TestPem
{
    private static readonly Lazy<(string Certificate, string Key)> Pair = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=psdocker-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.Now.AddDays(-1), DateTimeOffset.Now.AddDays(1));
        return (certificate.ExportCertificatePem(), rsa.ExportPkcs8PrivateKeyPem());
    });

    public static string Certificate => Pair.Value.Certificate;

    public static string Key => Pair.Value.Key;
}
