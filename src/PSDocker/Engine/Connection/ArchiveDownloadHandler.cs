using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Asks for the engine's archive downloads (<c>GET /images/get</c>, <c>/images/{name}/get</c>: docker
    /// save; <c>GET /containers/{id}/export</c>) over HTTP/1.0, so the engine sends the tar unframed and
    /// ends it by closing the connection, as it does for any HTTP/1.0 client. Over HTTP/1.1 it sends 32 KiB
    /// chunks, and the client's chunk reader then takes two reads per chunk (about 19,000 for a 300 MiB
    /// image, each a trip through the thread pool): a third of the client's CPU on a save, measured in
    /// issue 15's benchmark. Unframed, a read takes whatever the socket holds. The connection of such a
    /// request is never reused, with either version (the engine closes it after the body).
    /// </summary>
    public sealed class ArchiveDownloadHandler : DelegatingHandler
    {
        /// <summary>Creates the handler over the transport handler.</summary>
        public ArchiveDownloadHandler(HttpMessageHandler inner)
            : base(inner)
        {
        }

        /// <summary>Whether a request is an archive download the engine may send unframed.</summary>
        public static bool IsArchiveDownload(HttpMethod method, Uri uri)
        {
            if (method != HttpMethod.Get)
            {
                return false;
            }

            var path = uri.AbsolutePath;
            return (path.IndexOf("/images/", StringComparison.Ordinal) >= 0 && path.EndsWith("/get", StringComparison.Ordinal))
                || (path.IndexOf("/containers/", StringComparison.Ordinal) >= 0 && path.EndsWith("/export", StringComparison.Ordinal));
        }

        /// <inheritdoc />
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && IsArchiveDownload(request.Method, uri))
            {
                request.Version = HttpVersion.Version10;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
