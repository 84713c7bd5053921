using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Checks the docker CLI's TLS files (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>) before a
    /// connection is made from them, so a damaged file is reported by name instead of surfacing as the
    /// TLS library's "Value cannot be null. (Parameter 'cert')".
    /// </summary>
    public static class TlsFiles
    {
        private static readonly Regex PemBlock = new Regex(
            @"-----BEGIN ([A-Z0-9 ]+)-----\s*([A-Za-z0-9+/=\s]*?)\s*-----END \1-----",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        /// <summary>
        /// Validates the files the connection will load: with a <c>cert.pem</c> in the folder, that file and
        /// <c>key.pem</c>, and <c>ca.pem</c> when the engine's certificate is verified.
        /// </summary>
        /// <exception cref="EngineConfigurationException">A file is missing or is not the PEM it should be.</exception>
        public static void Validate(TlsSettings? tls)
        {
            if (tls?.CertificateDirectory is not { } dir || !File.Exists(Path.Combine(dir, "cert.pem")))
            {
                return;
            }

            RequireCertificates(Path.Combine(dir, "cert.pem"), "the client certificate");
            RequirePrivateKey(Path.Combine(dir, "key.pem"));
            if (tls.VerifyServer)
            {
                RequireCertificates(Path.Combine(dir, "ca.pem"), "the certificate authority");
            }
        }

        private static void RequireCertificates(string path, string what)
        {
            var blocks = ReadBlocks(path, what);
            var found = false;
            foreach (var (label, der) in blocks)
            {
                if (label != "CERTIFICATE")
                {
                    continue;
                }

                try
                {
                    using var certificate = new X509Certificate2(der);
                }
                catch (CryptographicException e)
                {
                    throw Broken(path, what, "its certificate cannot be read (" + e.Message.TrimEnd('.') + ")", e);
                }

                found = true;
            }

            if (!found)
            {
                throw Broken(path, what, "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
        }

        private static void RequirePrivateKey(string path)
        {
            const string what = "the client key";
            foreach (var (label, der) in ReadBlocks(path, what))
            {
                // A DER private key (PKCS#1, PKCS#8 or SEC1) is one ASN.1 SEQUENCE.
                if (label.EndsWith("PRIVATE KEY", StringComparison.Ordinal) && der.Length > 2 && der[0] == 0x30)
                {
                    return;
                }
            }

            throw Broken(path, what, "it holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        }

        private static List<(string Label, byte[] Der)> ReadBlocks(string path, string what)
        {
            if (!File.Exists(path))
            {
                throw Broken(path, what, "the file is missing");
            }

            var result = new List<(string, byte[])>();
            foreach (Match m in PemBlock.Matches(File.ReadAllText(path)))
            {
                try
                {
                    result.Add((m.Groups[1].Value, Convert.FromBase64String(Regex.Replace(m.Groups[2].Value, @"\s", string.Empty))));
                }
                catch (FormatException e)
                {
                    throw Broken(path, what, "its " + m.Groups[1].Value + " block is not valid base64", e);
                }
            }

            return result;
        }

        private static EngineConfigurationException Broken(string path, string what, string reason, Exception? inner = null) =>
            new EngineConfigurationException(
                path,
                $"The TLS file '{path}' ({what}) cannot be used: {reason}. Replace it with the PEM file your engine's administrator issued (DOCKER_CERT_PATH or the context's TLS folder).",
                inner);
    }
}
