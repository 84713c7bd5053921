using System;

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
    /// share one client.
    /// </summary>
    public sealed class EngineEndpoint : IEquatable<EngineEndpoint>
    {
        /// <summary>Creates an endpoint.</summary>
        public EngineEndpoint(Uri uri, string? contextName, TlsSettings? tls)
        {
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
            ContextName = contextName;
            Tls = tls;
        }

        /// <summary>The engine's address (unix://, npipe://, tcp://, http(s)://).</summary>
        public Uri Uri { get; }

        /// <summary>The docker context this endpoint came from, if any.</summary>
        public string? ContextName { get; }

        /// <summary>TLS settings, or null for a plain connection.</summary>
        public TlsSettings? Tls { get; }

        /// <summary>
        /// Identity of the connection: context, address and TLS material. The context is part of it so
        /// objects read through a context remember that context.
        /// </summary>
        public string Key => (ContextName is null ? string.Empty : ContextName + "|") + Uri
            + (Tls is null ? string.Empty : "|tls=" + (Tls.CertificateDirectory ?? string.Empty) + "|verify=" + Tls.VerifyServer);

        /// <inheritdoc />
        public bool Equals(EngineEndpoint? other) => other is not null && Key == other.Key;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as EngineEndpoint);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

        /// <inheritdoc />
        public override string ToString() => ContextName is null ? Uri.ToString() : ContextName + " (" + Uri + ")";
    }
}
