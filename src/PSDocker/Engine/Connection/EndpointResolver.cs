using System;
using System.Collections.Generic;
using System.IO;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Decides which engine a call talks to, in the docker CLI's order: an explicit context, an explicit
    /// host, <c>DOCKER_HOST</c>, <c>DOCKER_CONTEXT</c>, the docker config's current context, the platform
    /// default. (A piped object's own engine is applied by the caller between the explicit values and
    /// the environment.) Pure apart from reading the docker config folder, so it is unit-tested.
    /// </summary>
    public sealed class EndpointResolver
    {
        private readonly Func<string, string?> _getEnvironment;
        private readonly bool _isWindows;

        /// <summary>Creates a resolver over an environment.</summary>
        /// <param name="getEnvironment">Reads an environment variable (null when unset).</param>
        /// <param name="homeDirectory">The user's home, for <c>~/.docker</c>.</param>
        /// <param name="isWindows">Whether the platform default is the Windows named pipe.</param>
        public EndpointResolver(Func<string, string?> getEnvironment, string homeDirectory, bool isWindows)
        {
            _getEnvironment = getEnvironment;
            _isWindows = isWindows;
            var configDirectory = NonEmpty(getEnvironment("DOCKER_CONFIG")) ?? Path.Combine(homeDirectory, ".docker");
            ConfigStore = new DockerConfigStore(configDirectory, isWindows);
        }

        /// <summary>A resolver over this process's environment.</summary>
        public static EndpointResolver ForCurrentProcess() => new EndpointResolver(
            Environment.GetEnvironmentVariable,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            Path.DirectorySeparatorChar == '\\');

        /// <summary>The docker configuration folder this resolver reads.</summary>
        public DockerConfigStore ConfigStore { get; }

        /// <summary>
        /// Problems met on the way that the docker CLI warns about and goes on (a config.json that is not
        /// valid JSON: the defaults are used). A cmdlet writes each with WriteWarning after resolving.
        /// </summary>
        public IReadOnlyList<string> Warnings => ConfigStore.Warnings;

        /// <summary>The platform's default engine address.</summary>
        public Uri DefaultUri => _isWindows
            ? new Uri("npipe://./pipe/docker_engine")
            : new Uri("unix:///var/run/docker.sock");

        /// <summary>The endpoint for an explicit docker context name ("default" means the environment).</summary>
        public EngineEndpoint FromContext(string contextName) =>
            string.Equals(contextName, DockerConfigStore.DefaultContextName, StringComparison.OrdinalIgnoreCase)
                ? FromEnvironmentHostOrDefault()
                : ConfigStore.ReadContextEndpoint(contextName);

        /// <summary>The endpoint for an explicit host address (TLS from DOCKER_TLS_VERIFY/DOCKER_CERT_PATH).</summary>
        /// <exception cref="ArgumentException">The address cannot be used here.</exception>
        /// <exception cref="EngineConfigurationException">The TLS files of DOCKER_CERT_PATH are not PEM.</exception>
        public EngineEndpoint FromHost(string host)
        {
            var uri = ParseHost(host, _isWindows);
            var tls = TlsFromEnvironment(host);
            TlsFiles.Validate(tls);
            return new EngineEndpoint(uri, null, tls);
        }

        /// <summary>The endpoint when nothing was given explicitly and nothing was piped.</summary>
        public EngineEndpoint ResolveDefault()
        {
            if (NonEmpty(_getEnvironment("DOCKER_HOST")) is { } host)
            {
                return FromHost(host);
            }

            var context = NonEmpty(_getEnvironment("DOCKER_CONTEXT")) ?? ConfigStore.ReadCurrentContext();
            return context is null ? new EngineEndpoint(DefaultUri, null, null) : FromContext(context);
        }

        private EngineEndpoint FromEnvironmentHostOrDefault() =>
            NonEmpty(_getEnvironment("DOCKER_HOST")) is { } host
                ? FromHost(host)
                : new EngineEndpoint(DefaultUri, null, null);

        private TlsSettings? TlsFromEnvironment(string host)
        {
            var verify = NonEmpty(_getEnvironment("DOCKER_TLS_VERIFY")) is { } v && v != "0";
            var certPath = NonEmpty(_getEnvironment("DOCKER_CERT_PATH"));
            var isHttps = host.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            if (!verify && certPath is null && !isHttps)
            {
                return null;
            }

            if (!host.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) && !isHttps)
            {
                return null;
            }

            return new TlsSettings(certPath ?? Path.Combine(ConfigStore.ConfigDirectory), verify);
        }

        /// <summary>
        /// Parses a docker host string (<c>unix:///path</c>, <c>npipe:////./pipe/name</c>, <c>tcp://h:2375</c>,
        /// <c>h:2375</c>) into a URI. Throws <see cref="ArgumentException"/> with a docker-like message.
        /// </summary>
        public static Uri ParseHost(string host) => ParseHost(host, isWindows: null);

        /// <summary>
        /// Parses a docker host string for a platform: a named pipe (<c>npipe://</c>) exists only on
        /// Windows. Messages show the address without its user info.
        /// </summary>
        /// <exception cref="ArgumentException">The address cannot be used (the message says why and what to give).</exception>
        public static Uri ParseHost(string host, bool? isWindows)
        {
            try
            {
                return ParseHostCore(host, isWindows);
            }
            catch (UriFormatException e)
            {
                throw NotAnAddress(host, e.Message, e);
            }
        }

        private static ArgumentException NotAnAddress(string host, string reason, Exception? inner = null) => new ArgumentException(
            $"'{EngineEndpoint.RedactUserInfo(host)}' is not a docker host address: {reason}. Use unix:///path, npipe:////./pipe/name (Windows) or tcp://host:port.",
            inner);

        private static Uri ParseHostCore(string host, bool? isWindows)
        {
            if (string.IsNullOrWhiteSpace(host))
            {
                throw new ArgumentException("The docker host address is empty. Use unix:///path, npipe:////./pipe/name (Windows) or tcp://host:port.", nameof(host));
            }

            var text = host.Trim();
            if (text.StartsWith("npipe:////", StringComparison.OrdinalIgnoreCase))
            {
                // The docker CLI spells the local pipe npipe:////./pipe/name; Docker.DotNet wants npipe://./pipe/name.
                text = "npipe://" + text.Substring("npipe:////".Length);
            }

            if (!text.Contains("://"))
            {
                text = "tcp://" + text;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                throw NotAnAddress(host, "it cannot be read as an address");
            }

            var scheme = uri.Scheme.ToLowerInvariant();
            switch (scheme)
            {
                case "unix":
                    if (uri.AbsolutePath.Trim('/').Length == 0 || uri.Host.Length > 0)
                    {
                        throw NotAnAddress(host, "a unix address names the socket's absolute path after unix:// (unix:///var/run/docker.sock)");
                    }

                    return uri;
                case "npipe":
                    if (isWindows == false)
                    {
                        throw NotAnAddress(host, "npipe:// is a Windows named pipe, which does not exist on this platform; here the engine listens on unix:///var/run/docker.sock");
                    }

                    if (uri.AbsolutePath.Trim('/').Length == 0)
                    {
                        throw NotAnAddress(host, "a named pipe address names the pipe (npipe:////./pipe/docker_engine)");
                    }

                    return uri;
                case "http":
                case "https":
                case "tcp":
                    if (uri.Host.Length == 0)
                    {
                        throw NotAnAddress(host, $"it names no host after {scheme}:// ({scheme}://host:port)");
                    }

                    return scheme == "tcp" && (uri.IsDefaultPort || uri.Port <= 0) ? new UriBuilder(uri) { Port = 2375 }.Uri : uri;
                default:
                    throw new ArgumentException($"'{EngineEndpoint.RedactUserInfo(host)}' uses the scheme '{uri.Scheme}', which PSDocker does not support: use unix://, npipe:// (Windows), tcp:// or https://.", nameof(host));
            }
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
