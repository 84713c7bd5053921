using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Negotiates the API version the way the docker CLI does: before the first request to an engine it
    /// sends <c>GET /_ping</c> (cheap, unlike <c>/version</c>), reads the <c>API-Version</c> header and
    /// from then on prefixes every request path with the lower of that and the client's maximum.
    /// Runs as the outermost HTTP handler, so the client itself is built without a fixed version.
    /// </summary>
    public sealed class ApiVersionNegotiator : DelegatingHandler
    {
        /// <summary>The oldest API version PSDocker supports (engine 20.10).</summary>
        public static readonly Version MinimumVersion = new Version(1, 41);

        /// <summary>The newest API version the bundled client models know.</summary>
        public static readonly Version MaximumVersion = new Version(1, 52);

        /// <summary>
        /// How long the first answer of an engine may take. An engine answers /_ping in well under a
        /// millisecond; a listener that accepts and never answers must not hold a command for ever.
        /// </summary>
        public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(10);

        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private volatile string? _prefix;

        /// <summary>Creates the negotiator over the transport handler.</summary>
        public ApiVersionNegotiator(HttpMessageHandler inner)
            : base(inner)
        {
        }

        /// <summary>The negotiated version, or null before the first request.</summary>
        public Version? NegotiatedVersion { get; private set; }

        /// <summary>Chooses the version to speak from the engine's <c>API-Version</c> header.</summary>
        public static Version Choose(string? engineVersionHeader)
        {
            if (engineVersionHeader is null
                || !Version.TryParse(engineVersionHeader.Trim(), out var engine))
            {
                // Engines older than 1.25 send no header; the docker CLI then falls back to its own floor.
                return MinimumVersion;
            }

            return engine < MaximumVersion ? engine : MaximumVersion;
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var prefix = _prefix ?? await NegotiateAsync(request.RequestUri!, cancellationToken).ConfigureAwait(false);
            var builder = new UriBuilder(request.RequestUri!);
            if (!builder.Path.StartsWith("/v", StringComparison.Ordinal) || !char.IsDigit(builder.Path.ElementAtOrDefault(2)))
            {
                builder.Path = prefix + builder.Path;
                request.RequestUri = builder.Uri;
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string> NegotiateAsync(Uri anyRequestUri, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_prefix is { } known)
                {
                    return known;
                }

                var ping = new UriBuilder(anyRequestUri) { Path = "/_ping", Query = string.Empty }.Uri;
                using var request = new HttpRequestMessage(HttpMethod.Get, ping) { Version = new Version(1, 1) };
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(PingTimeout);
                HttpResponseMessage response;
                try
                {
                    response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new HttpRequestException($"it did not answer within {PingTimeout.TotalSeconds:0} seconds", e);
                }
                catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
                {
                    // The transport's words for a connection closed before any answer ("Sequence contains no elements").
                    throw new HttpRequestException("it closed the connection without answering", e);
                }

                using var answer = response;
                var header = response.Headers.TryGetValues("API-Version", out var values) ? values.FirstOrDefault() : null;
                if (header is null)
                {
                    throw new EngineException(
                        $"The server at {anyRequestUri.GetLeftPart(UriPartial.Authority)} answered {(int)response.StatusCode} to GET /_ping without an API-Version header: it is not a Docker engine (or one older than API 1.25). Point -DockerHost, -Context or $env:DOCKER_HOST at a Docker engine.",
                        "EngineResponseInvalid",
                        System.Management.Automation.ErrorCategory.InvalidResult);
                }

                var version = Choose(header);
                NegotiatedVersion = version;
                _prefix = "/v" + version.ToString(2);
                return _prefix;
            }
            finally
            {
                _gate.Release();
            }
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gate.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Formats versions the way the engine API spells them.</summary>
    internal static class VersionText
    {
        public static string Api(Version v) => v.ToString(2).ToString(CultureInfo.InvariantCulture);
    }
}
