using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>Whether an image is present locally, and pulling it with progress (<c>docker pull</c>).</summary>
    public static class ImagePull
    {
        /// <summary>Whether the engine has the image locally.</summary>
        public static async Task<bool> ExistsAsync(EngineConnection engine, string image, CancellationToken cancellation)
        {
            try
            {
                await engine.Client.Images.InspectImageAsync(image, cancellation).ConfigureAwait(false);
                return true;
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }

        /// <summary>
        /// Pulls an image, reporting each progress message as the engine sends it. An error the engine
        /// reports inside the stream (unknown manifest, unreachable registry) fails the task with
        /// <see cref="ImagePullException"/>, like a refused request.
        /// </summary>
        public static async Task PullAsync(EngineConnection engine, string image, Action<JSONMessage> progress, CancellationToken cancellation)
        {
            var reference = ImageReference.Parse(image);
            string? streamError = null;
            try
            {
                await engine.Client.Images.CreateImageAsync(
                    new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.TagOrDigest },
                    null,
                    new SynchronousProgress(message =>
                    {
                        if (message.Error?.Message is { Length: > 0 } error)
                        {
                            streamError ??= error;
                        }
                        else
                        {
                            progress(message);
                        }
                    }),
                    cancellation).ConfigureAwait(false);
            }
            catch (DockerApiException e)
            {
                throw new ImagePullException(image, EngineErrors.EngineMessage(e), e.StatusCode, e);
            }

            if (streamError is not null)
            {
                throw new ImagePullException(image, streamError, null, null);
            }
        }

        /// <summary>Reports on the reading thread (Progress&lt;T&gt; would post to a thread pool).</summary>
        private sealed class SynchronousProgress : IProgress<JSONMessage>
        {
            private readonly Action<JSONMessage> _report;

            public SynchronousProgress(Action<JSONMessage> report) => _report = report;

            public void Report(JSONMessage value) => _report(value);
        }
    }

    /// <summary>Pulling an image failed; the message names the image and gives the engine's reason.</summary>
    public sealed class ImagePullException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ImagePullException(string image, string reason, HttpStatusCode? statusCode, Exception? inner)
            : base($"Unable to pull image '{image}': {reason.TrimEnd('.')}.", inner)
        {
            Image = image;
            StatusCode = statusCode;
        }

        /// <summary>The image as the user named it.</summary>
        public string Image { get; }

        /// <summary>The engine's HTTP status when it refused the request, null when the pull failed midway.</summary>
        public HttpStatusCode? StatusCode { get; }
    }
}
