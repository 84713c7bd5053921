using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads the docker CLI's configuration folder (<c>$DOCKER_CONFIG</c> or <c>~/.docker</c>): the current
    /// context and the endpoint and TLS material each context stores under <c>contexts/</c>.
    /// </summary>
    public sealed class DockerConfigStore
    {
        /// <summary>The name docker uses for "no context: use the environment and defaults".</summary>
        public const string DefaultContextName = "default";

        /// <summary>Creates a store over a configuration folder.</summary>
        public DockerConfigStore(string configDirectory)
        {
            ConfigDirectory = configDirectory;
        }

        /// <summary>The configuration folder.</summary>
        public string ConfigDirectory { get; }

        /// <summary>The <c>currentContext</c> of config.json, or null when absent.</summary>
        public string? ReadCurrentContext()
        {
            var path = Path.Combine(ConfigDirectory, "config.json");
            if (!File.Exists(path))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("currentContext", out var ctx)
                && ctx.ValueKind == JsonValueKind.String
                && ctx.GetString() is { Length: > 0 } name
                ? name
                : null;
        }

        /// <summary>
        /// The docker endpoint a named context stores. Throws <see cref="DockerContextNotFoundException"/>
        /// when the context does not exist.
        /// </summary>
        public EngineEndpoint ReadContextEndpoint(string contextName)
        {
            var id = ContextId(contextName);
            var metaPath = Path.Combine(ConfigDirectory, "contexts", "meta", id, "meta.json");
            if (!File.Exists(metaPath))
            {
                throw new DockerContextNotFoundException(contextName, metaPath);
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(metaPath));
            if (!doc.RootElement.TryGetProperty("Endpoints", out var endpoints)
                || !endpoints.TryGetProperty("docker", out var docker)
                || !docker.TryGetProperty("Host", out var hostElement)
                || hostElement.GetString() is not { Length: > 0 } host)
            {
                throw new DockerContextNotFoundException(contextName, metaPath);
            }

            var skipVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
            var tlsDirectory = Path.Combine(ConfigDirectory, "contexts", "tls", id, "docker");
            TlsSettings? tls = Directory.Exists(tlsDirectory) ? new TlsSettings(tlsDirectory, !skipVerify) : null;
            return new EngineEndpoint(EndpointResolver.ParseHost(host), contextName, tls);
        }

        /// <summary>The folder name docker gives a context: the hex SHA-256 of its name.</summary>
        public static string ContextId(string contextName)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(contextName));
            var sb = new StringBuilder(hash.Length * 2);
            foreach (var b in hash)
            {
                sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }
    }

    /// <summary>A docker context named by the user does not exist in the docker configuration.</summary>
    public sealed class DockerContextNotFoundException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public DockerContextNotFoundException(string contextName, string metaPath)
            : base($"Docker context '{contextName}' was not found (no endpoint in '{metaPath}'). List contexts with 'docker context ls'.")
        {
            ContextName = contextName;
        }

        /// <summary>The context that was asked for.</summary>
        public string ContextName { get; }
    }
}
