using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>The image calls of the engine: whether an image is there, pulling it with progress, listing references.</summary>
    public sealed class ImageService : EngineService
    {
        /// <summary>The engine's image refusals, by message.</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Image",
            new Refusal("no such image", true, "ImageNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("manifest unknown", true, "ImageNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("not found", true, "ImageNotFound", ErrorCategory.ObjectNotFound));

        internal ImageService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>Whether the engine has the image locally.</summary>
        public async Task<bool> ExistsAsync(string image, CancellationToken cancellation)
        {
            try
            {
                await Call(c => c.Images.InspectImageAsync(image, cancellation), cancellation).ConfigureAwait(false);
                return true;
            }
            catch (EngineException e) when (e.StatusCode == 404)
            {
                return false;
            }
        }

        /// <summary>The local images' references (<c>repo:tag</c>) with their ids, newest first: what completion offers.</summary>
        public async Task<IList<(string Reference, string Id)>> ListReferencesAsync(CancellationToken cancellation)
        {
            var images = await Call(c => c.Images.ListImagesAsync(new ImagesListParameters(), cancellation), cancellation).ConfigureAwait(false);
            return images
                .OrderByDescending(i => i.Created)
                .SelectMany(i => (i.RepoTags ?? new List<string>()).Where(t => t != "<none>:<none>").Select(t => (t, i.ID)))
                .ToList();
        }

        /// <summary>
        /// Pulls an image, reporting each progress message as the engine sends it. A refusal, or an error
        /// inside the stream (unknown manifest, unreachable registry), fails it with an ImagePullFailed
        /// <see cref="EngineException"/> naming the image.
        /// </summary>
        public async Task PullAsync(string image, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var reference = ImageReference.Parse(image);
            try
            {
                await Call(
                    c => ProgressStream.RunAsync(
                        report => c.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.TagOrDigest }, null, report, cancellation),
                        progress,
                        reason => PullFailure(image, reason, ErrorCategory.ResourceUnavailable)),
                    cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImagePullFailed")
            {
                throw PullFailure(image, e.Message, e.StatusCode == 404 ? ErrorCategory.ObjectNotFound : ErrorCategory.ResourceUnavailable);
            }
        }

        private static EngineException PullFailure(string image, string reason, ErrorCategory category) =>
            ProgressStream.Failure($"Unable to pull image '{image}'", reason, "ImagePullFailed", category);

    }
}
