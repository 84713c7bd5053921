using System;
using System.Collections.Generic;
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

        private readonly List<string> _warnings = new List<string>();
        private readonly bool? _isWindows;

        /// <summary>Creates a store over a configuration folder.</summary>
        public DockerConfigStore(string configDirectory)
            : this(configDirectory, null)
        {
        }

        /// <summary>Creates a store over a configuration folder for a platform (named pipes only on Windows).</summary>
        public DockerConfigStore(string configDirectory, bool? isWindows)
        {
            ConfigDirectory = configDirectory;
            _isWindows = isWindows;
        }

        /// <summary>The configuration folder.</summary>
        public string ConfigDirectory { get; }

        /// <summary>
        /// What the docker CLI would warn about and go on: a config.json that cannot be read is named here
        /// and the defaults are used.
        /// </summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>
        /// The <c>currentContext</c> of config.json, or null when absent. A config.json that is not valid
        /// JSON (or cannot be read) adds a warning and counts as absent, as in the docker CLI.
        /// </summary>
        public string? ReadCurrentContext()
        {
            var path = Path.Combine(ConfigDirectory, "config.json");
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(path));
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    Warn($"The docker configuration '{path}' is not a JSON object; using the defaults.");
                    return null;
                }

                return doc.RootElement.TryGetProperty("currentContext", out var ctx)
                    && ctx.ValueKind == JsonValueKind.String
                    && ctx.GetString() is { Length: > 0 } name
                    ? name
                    : null;
            }
            catch (JsonException e)
            {
                Warn($"The docker configuration '{path}' is not valid JSON: {e.Message}; using the defaults.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Warn($"The docker configuration '{path}' cannot be read: {e.Message}; using the defaults.");
            }

            return null;
        }

        private void Warn(string message)
        {
            if (!_warnings.Contains(message))
            {
                _warnings.Add(message);
            }
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

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(File.ReadAllText(metaPath));
            }
            catch (JsonException e)
            {
                throw BadContext(contextName, metaPath, "it is not valid JSON (" + e.Message + ")", e);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !TryGetObject(root, "Endpoints", out var endpoints)
                    || !TryGetObject(endpoints, "docker", out var docker))
                {
                    throw BadContext(contextName, metaPath, "it has no Endpoints.docker object");
                }

                if (!docker.TryGetProperty("Host", out var hostElement) || hostElement.ValueKind != JsonValueKind.String
                    || hostElement.GetString() is not { Length: > 0 } host)
                {
                    throw BadContext(contextName, metaPath, "its Endpoints.docker.Host is not an address");
                }

                Uri uri;
                try
                {
                    uri = EndpointResolver.ParseHost(host, _isWindows);
                }
                catch (ArgumentException e)
                {
                    throw BadContext(contextName, metaPath, e.Message.TrimEnd('.'), e);
                }

                var skipVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
                var tlsDirectory = Path.Combine(ConfigDirectory, "contexts", "tls", id, "docker");
                TlsSettings? tls = Directory.Exists(tlsDirectory) ? new TlsSettings(tlsDirectory, !skipVerify) : null;
                TlsFiles.Validate(tls);
                return new EngineEndpoint(uri, contextName, tls);
            }
        }

        private static bool TryGetObject(JsonElement parent, string name, out JsonElement value) =>
            parent.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object;

        private static EngineConfigurationException BadContext(string contextName, string metaPath, string reason, Exception? inner = null) =>
            new EngineConfigurationException(
                metaPath,
                $"The docker context '{contextName}' cannot be used: '{metaPath}' is not a context description as docker writes it: {reason}. Recreate the context (docker context rm, docker context create).",
                inner);

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
