using System;
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
            ConfigStore = new DockerConfigStore(configDirectory);
        }

        /// <summary>A resolver over this process's environment.</summary>
        public static EndpointResolver ForCurrentProcess() => new EndpointResolver(
            Environment.GetEnvironmentVariable,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            Path.DirectorySeparatorChar == '\\');

        /// <summary>The docker configuration folder this resolver reads.</summary>
        public DockerConfigStore ConfigStore { get; }

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
        public EngineEndpoint FromHost(string host) => new EngineEndpoint(ParseHost(host), null, TlsFromEnvironment(host));

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
        public static Uri ParseHost(string host)
        {
            if (string.IsNullOrWhiteSpace(host))
            {
                throw new ArgumentException("The docker host address is empty.", nameof(host));
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
                throw new ArgumentException($"'{host}' is not a docker host address: use unix:///path, npipe:////./pipe/name or tcp://host:port.", nameof(host));
            }

            switch (uri.Scheme.ToLowerInvariant())
            {
                case "unix":
                case "npipe":
                case "http":
                case "https":
                    return uri;
                case "tcp":
                    return uri.IsDefaultPort || uri.Port <= 0 ? new UriBuilder(uri) { Port = 2375 }.Uri : uri;
                default:
                    throw new ArgumentException($"'{host}' uses the scheme '{uri.Scheme}', which PSDocker does not support: use unix://, npipe://, tcp:// or https://.", nameof(host));
            }
        }

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
