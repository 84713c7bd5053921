using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;


namespace PSDocker.EngineAccess
{
    /// <summary>TLS material for an endpoint: the docker CLI's DOCKER_CERT_PATH folder or a context's TLS folder.</summary>
    public sealed class TlsSettings
    {
        /// <summary>Creates TLS settings.</summary>
        public TlsSettings(string? certificateDirectory, bool verifyServer)
        {
            CertificateDirectory = certificateDirectory;
            VerifyServer = verifyServer;
        }

        /// <summary>Folder holding ca.pem, cert.pem and key.pem (null: no client certificate).</summary>
        public string? CertificateDirectory { get; }

        /// <summary>Whether the engine's certificate is checked against ca.pem.</summary>
        public bool VerifyServer { get; }
    }

    /// <summary>
    /// A resolved engine endpoint: where to connect and how. Two endpoints with the same <see cref="Key"/>
    /// share one client. Everything public is safe to show: user info in the address
    /// (<c>tcp://admin:secret@host</c>) is kept only in <see cref="ConnectionUri"/>, as the docker CLI
    /// strips it from everything it prints.
    /// </summary>
    public sealed class EngineEndpoint : IEquatable<EngineEndpoint>
    {
        /// <summary>Creates an endpoint.</summary>
        public EngineEndpoint(Uri uri, string? contextName, TlsSettings? tls)
        {
            ConnectionUri = uri ?? throw new ArgumentNullException(nameof(uri));
            Uri = WithoutUserInfo(uri);
            ContextName = contextName;
            Tls = tls;
        }

        /// <summary>The engine's address (unix://, npipe://, tcp://, http(s)://), without any user info.</summary>
        public Uri Uri { get; }

        /// <summary>The address exactly as given, user info included: for connecting only, never for display.</summary>
        internal Uri ConnectionUri { get; }

        /// <summary>The docker context this endpoint came from, if any.</summary>
        public string? ContextName { get; }

        /// <summary>TLS settings, or null for a plain connection.</summary>
        public TlsSettings? Tls { get; }

        /// <summary>
        /// Identity of the connection: context, address and TLS material. The context is part of it so
        /// objects read through a context remember that context. User info appears only as a hash.
        /// </summary>
        public string Key => (ContextName is null ? string.Empty : ContextName + "|") + Uri
            + (ConnectionUri.UserInfo.Length > 0 ? "|user=" + Fingerprint(ConnectionUri.UserInfo) : string.Empty)
            + (Tls is null ? string.Empty : "|tls=" + (Tls.CertificateDirectory ?? string.Empty) + "|verify=" + Tls.VerifyServer);

        /// <inheritdoc />
        public bool Equals(EngineEndpoint? other) => other is not null && Key == other.Key;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as EngineEndpoint);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <inheritdoc />
        public override string ToString() => ContextName is null ? Uri.ToString() : ContextName + " (" + Uri + ")";

        /// <summary>The address without user info (<c>tcp://admin:secret@host:2375</c> → <c>tcp://host:2375/</c>).</summary>
        public static Uri WithoutUserInfo(Uri uri) => PSDocker.Engine.WithoutUserInfo(uri);

        /// <summary>A host address as typed, with any user info replaced by <c>***</c>, for messages.</summary>
        public static string RedactUserInfo(string? address) =>
            address is null ? string.Empty : UserInfoPattern.Replace(address, "$1***@");

        private static readonly Regex UserInfoPattern = new Regex(@"^(\s*[A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", RegexOptions.CultureInvariant);

        private static string Fingerprint(string text)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return BitConverter.ToString(hash, 0, 8).Replace("-", string.Empty);
        }
    }
}
