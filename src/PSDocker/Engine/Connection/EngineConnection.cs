using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.X509;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// One engine as the cmdlets see it: its endpoint, the public <see cref="PSDocker.Engine"/> record
    /// stamped on every object read from it, and one service per noun (<see cref="Containers"/>,
    /// <see cref="Images"/>) over the one <see cref="DockerClient"/> this process keeps for it. Cmdlets
    /// talk to the engine only through those services.
    /// </summary>
    public sealed class EngineConnection
    {
        private static readonly ConcurrentDictionary<string, Lazy<EngineConnection>> Cache =
            new ConcurrentDictionary<string, Lazy<EngineConnection>>(StringComparer.Ordinal);

        private readonly NegotiatingProvider _provider;

        private EngineConnection(EngineEndpoint endpoint)
        {
            Endpoint = endpoint;
            // Only a TLS endpoint compiles the method that names the X509 types: a unix socket or plain TCP never
            // loads Docker.DotNet.X509 and System.Net.Security (the first command's start-up, issue 15).
            _provider = new NegotiatingProvider(endpoint.Tls is null ? NoopAuthProvider.Instance : CreateTlsProvider(endpoint.Tls));
            Client = new DockerClientBuilder()
                .WithEndpoint(endpoint.ConnectionUri)
                .WithAuthProvider(_provider)
                .WithTimeout(Timeout.InfiniteTimeSpan)
                .Build();
            Engine = new Engine(endpoint.ConnectionUri, endpoint.ContextName, endpoint.Key);
            Containers = new ContainerService(this);
            Images = new ImageService(this);
            Networks = new NetworkService(this);
            Volumes = new VolumeService(this);
            Systemwide = new SystemService(this);
            Registries = new RegistryService(this);
            Compose = new ComposeProjectService(this);
        }

        /// <summary>The endpoint.</summary>
        public EngineEndpoint Endpoint { get; }

        /// <summary>The client (one per endpoint per process); only the services use it.</summary>
        internal IDockerClient Client { get; }

        /// <summary>The container calls.</summary>
        public ContainerService Containers { get; }

        /// <summary>The image calls.</summary>
        public ImageService Images { get; }

        /// <summary>The network calls.</summary>
        public NetworkService Networks { get; }

        /// <summary>The volume calls.</summary>
        public VolumeService Volumes { get; }

        /// <summary>The engine-wide calls (info, version, df, events, system prune).</summary>
        public SystemService Systemwide { get; }

        /// <summary>The HTTP handler chain (API negotiation, TLS, transport), for the calls the client does not model.</summary>
        internal HttpMessageHandler? Handler => _provider.Negotiator;

        /// <summary>The registry calls.</summary>
        public RegistryService Registries { get; }

        /// <summary>The compose calls (up, stop, down, ls, ps over the other services).</summary>
        internal ComposeProjectService Compose { get; }

        /// <summary>The engine record stamped on emitted objects.</summary>
        public Engine Engine { get; }

        /// <summary>The API version negotiated with the engine (null before the first call).</summary>
        public Version? ApiVersion => _provider.Negotiator?.NegotiatedVersion;

        /// <summary>
        /// Makes one client call: every failure leaves as an <see cref="EngineException"/> classified by
        /// <paramref name="refusals"/>; cancellation (Ctrl+C) as OperationCanceledException.
        /// </summary>
        internal async Task<T> CallAsync<T>(RefusalTable refusals, Func<IDockerClient, Task<T>> call, CancellationToken cancellation)
        {
            try
            {
                return await call(Client).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && e is not EngineException)
            {
                throw new OperationCanceledException("The command was stopped.", e, cancellation);
            }
            catch (Exception e)
            {
                throw EngineErrors.Translate(e, refusals, Endpoint);
            }
        }

        /// <summary>Makes one client call that returns nothing; see <see cref="CallAsync{T}"/>.</summary>
        internal Task CallAsync(RefusalTable refusals, Func<IDockerClient, Task> call, CancellationToken cancellation) =>
            CallAsync(refusals, async client => { await call(client).ConfigureAwait(false); return true; }, cancellation);

        /// <summary>The cached connection for an endpoint, created on first use.</summary>
        public static EngineConnection For(EngineEndpoint endpoint) =>
            Cache.GetOrAdd(endpoint.Key, _ => new Lazy<EngineConnection>(() => new EngineConnection(endpoint))).Value;

        /// <summary>
        /// The connection for an engine record carried by a piped object: the cached one, or (for an
        /// object that crossed a process boundary) the same context or address resolved anew.
        /// </summary>
        public static EngineConnection ForEngine(Engine engine, EndpointResolver resolver)
        {
            if (Cache.TryGetValue(engine.Key, out var cached))
            {
                return cached.Value;
            }

            return For(engine.Context is { } context ? resolver.FromContext(context) : resolver.FromHost(engine.ConnectionUri.ToString()));
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static IAuthProvider CreateTlsProvider(TlsSettings tls)
        {
            if (tls.CertificateDirectory is { } dir && System.IO.File.Exists(System.IO.Path.Combine(dir, "cert.pem")))
            {
                var certificates = DockerTlsCertificates.LoadFromDirectory(dir, loadCertificateAuthority: tls.VerifyServer);
                var credentials = certificates.CreateCredentials();
                if (!tls.VerifyServer && credentials is CertificateCredentials cc)
                {
                    cc.ServerCertificateValidationCallback = (_, _, _, _) => true;
                }

                return credentials;
            }

            return new CertificateCredentials(null)
            {
                ServerCertificateValidationCallback = tls.VerifyServer ? null : (_, _, _, _) => true,
            };
        }

        /// <summary>Wraps the TLS provider and puts the API version negotiator outermost (archive downloads unframed beneath it).</summary>
        private sealed class NegotiatingProvider : IAuthProvider
        {
            private readonly IAuthProvider _inner;

            public NegotiatingProvider(IAuthProvider inner) => _inner = inner;

            public ApiVersionNegotiator? Negotiator { get; private set; }

            public bool TlsEnabled => _inner.TlsEnabled;

            public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler)
            {
                Negotiator = new ApiVersionNegotiator(new ArchiveDownloadHandler(_inner.ConfigureHandler(handler)));
                return Negotiator;
            }
        }
    }
}
