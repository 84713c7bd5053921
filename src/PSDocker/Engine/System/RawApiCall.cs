using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The engine calls the client library models for a newer API than engine 20.10 speaks
    /// (<c>/system/df</c>) or not at all (<c>/build/prune</c>): sent through the connection's own
    /// handler chain (API version negotiation, TLS, transport), answered as JSON. Run inside
    /// <see cref="EngineConnection.CallAsync{T}"/>, so failures are translated like any other call.
    /// </summary>
    internal static class RawApiCall
    {
        /// <summary>Sends a request (path relative to the negotiated API version) and parses the JSON answer.</summary>
        public static async Task<JsonDocument> SendAsync(EngineConnection engine, IDockerClient client, HttpMethod method, string pathAndQuery, CancellationToken cancellation) =>
            await SendAsync(engine, client, method, pathAndQuery, null, cancellation).ConfigureAwait(false);

        /// <summary>Sends a request with extra headers (e.g. X-Registry-Auth, never logged) and parses the JSON answer.</summary>
        public static async Task<JsonDocument> SendAsync(EngineConnection engine, IDockerClient client, HttpMethod method, string pathAndQuery, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellation)
        {
            if (engine.Handler is null)
            {
                // The client builds its handler chain on first use: a ping makes sure it exists.
                await client.System.PingAsync(cancellation).ConfigureAwait(false);
            }

            var handler = engine.Handler ?? throw new InvalidOperationException("The engine connection has no HTTP handler.");
            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            using var request = new HttpRequestMessage(method, new Uri(BaseUri(engine.Endpoint), pathAndQuery)) { Version = new Version(1, 1) };
            foreach (var header in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            using var response = await invoker.SendAsync(request, cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new DockerApiException(response.StatusCode, body);
            }

            return JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        }

        /// <summary>The HTTP base address the transport expects: the engine's for TCP, any host for sockets and pipes.</summary>
        private static Uri BaseUri(EngineEndpoint endpoint)
        {
            var uri = endpoint.Uri;
            switch (uri.Scheme.ToLowerInvariant())
            {
                case "tcp":
                case "http":
                case "https":
                    var secure = endpoint.Tls is not null || uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
                    return new UriBuilder(secure ? "https" : "http", uri.Host, uri.Port).Uri;
                default:
                    return new Uri("http://localhost");
            }
        }
    }
}
