using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Every image call of the engine (<c>docker images</c>, image inspect, history, tag, rmi, image prune,
    /// pull, push), returning PSDocker objects. Failures leave as <see cref="EngineException"/>s
    /// classified by <see cref="Refusals"/>. Credentials go to the engine in the X-Registry-Auth header
    /// only; no message of this class contains them.
    /// </summary>
    public sealed class ImageService : EngineService
    {
        /// <summary>The engine's image refusals, by message (engine 20.10's wording).</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Image",
            new Refusal("is using its referenced image", false, "ImageInUse", ErrorCategory.ResourceBusy),
            new Refusal("image is being used by", false, "ImageInUse", ErrorCategory.ResourceBusy),
            new Refusal("referenced in multiple repositories", false, "ImageHasSeveralTags", ErrorCategory.InvalidOperation),
            new Refusal("has dependent child images", false, "ImageHasChildren", ErrorCategory.ResourceBusy),
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

        /// <summary>The images as <c>docker images</c> lists them: one per repo:tag, newest image first.</summary>
        public async Task<IList<Image>> ListAsync(ImageQuery query, CancellationToken cancellation)
        {
            var images = await Call(c => c.Images.ListImagesAsync(new ImagesListParameters { All = query.All, Filters = query.ToFilters() }, cancellation), cancellation).ConfigureAwait(false);
            return images
                .OrderByDescending(i => i.Created)
                .SelectMany(i => ImageRecords.ToImages(i, Engine.Engine).OrderBy(x => x.Repository, StringComparer.Ordinal).ThenBy(x => x.Tag, StringComparer.Ordinal))
                .ToList();
        }

        /// <summary>
        /// The listing line of the image a reference names (repo:tag, id or id prefix), resolved by the
        /// engine: the line of that repo:tag when the reference is one of the image's tags, else its first
        /// line; null when there is no such image.
        /// </summary>
        public async Task<Image?> FindAsync(string reference, CancellationToken cancellation)
        {
            ImageInspectResponse response;
            try
            {
                response = await Call(c => c.Images.InspectImageAsync(reference, cancellation), cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.StatusCode == 404)
            {
                return null;
            }

            return LineFor(ImageRecords.ToImages(response, Engine.Engine).ToList(), reference);
        }

        // The listing line of an inspected image that a reference names (its repo:tag), else its first.
        private static Image? LineFor(IList<Image> lines, string reference)
        {
            var normalized = Normalize(reference);
            return lines.FirstOrDefault(i => i.Reference.Length > 0 && Normalize(i.Reference) == normalized) ?? lines.FirstOrDefault();
        }

        /// <summary>Inspects an image (<c>docker image inspect</c>).</summary>
        public async Task<ImageDetail> InspectAsync(string reference, CancellationToken cancellation) =>
            ImageRecords.ToDetail(await Call(c => c.Images.InspectImageAsync(reference, cancellation), cancellation).ConfigureAwait(false), Engine.Engine);

        /// <summary>The history of an image (<c>docker history</c>), newest step first.</summary>
        public async Task<IList<ImageLayer>> HistoryAsync(string reference, string displayName, CancellationToken cancellation)
        {
            var history = await Call(c => c.Images.GetImageHistoryAsync(reference, cancellation), cancellation).ConfigureAwait(false);
            return history.Select(h => ImageRecords.ToLayer(h, displayName, Engine.Engine)).ToList();
        }

        /// <summary>Adds a tag to an image (<c>docker tag SOURCE TARGET</c>); the target is validated first.</summary>
        public Task TagAsync(string source, string target, CancellationToken cancellation)
        {
            var reference = ImageReference.ParseTag(target);
            return Call(c => c.Images.TagImageAsync(source, new ImageTagParameters { RepositoryName = reference.Repository, Tag = reference.Tag }, cancellation), cancellation);
        }

        /// <summary>
        /// Removes the reference (<c>docker rmi</c>): a repo:tag is untagged (the image goes with its last
        /// tag), an id removes the image. Returns what the engine did, as <c>docker rmi</c> prints it
        /// (<c>Untagged: …</c>, <c>Deleted: …</c>).
        /// </summary>
        public async Task<IList<string>> RemoveAsync(string reference, bool force, bool noPrune, CancellationToken cancellation)
        {
            try
            {
                var response = await Call(c => c.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = force, NoPrune = noPrune }, cancellation), cancellation).ConfigureAwait(false);
                return response.SelectMany(d => d.Select(kv => kv.Key + ": " + kv.Value)).ToList();
            }
            catch (EngineException e) when (e.Message.IndexOf("Unrecognized image ID", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // Another removal of the same image (a second tag in the same batch) deleted it while this
                // one untagged: when the reference is gone, that is what was asked.
                if (await ExistsAsync(reference, cancellation).ConfigureAwait(false))
                {
                    throw;
                }

                return new List<string> { "Untagged: " + reference };
            }
            catch (EngineException e) when (e.ErrorId == "ImageInUse")
            {
                throw e.WithMessage($"Image '{reference}' is used by a container, so it was kept ({e.Message.Trim()}). Remove the container first, or add -Force (docker rmi -f) to untag it anyway.");
            }
            catch (EngineException e) when (e.ErrorId == "ImageHasSeveralTags")
            {
                throw e.WithMessage($"Image '{reference}' has several tags, so removing it by id was refused ({e.Message.Trim()}). Remove its tags one by one, or add -Force to remove the image with all its tags.");
            }
        }

        /// <summary>Removes unused images (<c>docker image prune [-a]</c>): dangling ones, or with <paramref name="all"/> every image no container uses.</summary>
        public async Task<PruneResult> PruneAsync(IDictionary<string, IDictionary<string, bool>>? filters, bool all, CancellationToken cancellation)
        {
            var merged = filters is null ? new Dictionary<string, IDictionary<string, bool>>() : new Dictionary<string, IDictionary<string, bool>>(filters);
            merged["dangling"] = new Dictionary<string, bool> { [all ? "false" : "true"] = true };
            var response = await Call(c => c.Images.PruneImagesAsync(new ImagesPruneParameters { Filters = merged }, cancellation), cancellation).ConfigureAwait(false);
            return new PruneResult
            {
                Engine = Engine.Engine,
                ResourceType = "Image",
                Deleted = response.ImagesDeleted?.Where(d => !string.IsNullOrEmpty(d.Deleted)).Select(d => d.Deleted!).ToArray() ?? Array.Empty<string>(),
                SpaceReclaimed = (long)response.SpaceReclaimed,
            };
        }

        /// <summary>
        /// Pulls an image, reporting each progress message as the engine sends it. A refusal, or an error
        /// inside the stream (unknown manifest, unreachable registry), fails it with an ImagePullFailed
        /// <see cref="EngineException"/> naming the image.
        /// </summary>
        public Task PullAsync(string image, Action<ProgressMessage> progress, CancellationToken cancellation) =>
            PullAsync(image, null, progress, cancellation);

        /// <summary>Pulls an image with registry credentials (null: none); see <see cref="PullAsync(string, Action{ProgressMessage}, CancellationToken)"/>.</summary>
        public async Task PullAsync(string image, PSCredential? credential, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var reference = ImageReference.Parse(image);
            var auth = AuthFor(RegistryOf(reference), credential);
            try
            {
                await Call(
                    c => ProgressStream.RunAsync(
                        report => c.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.TagOrDigest }, auth, report, cancellation),
                        progress,
                        reason => Failure("pull", image, reason, ErrorCategory.ResourceUnavailable)),
                    cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImagePullFailed")
            {
                throw Failure("pull", image, e.Message, e.StatusCode == 404 ? ErrorCategory.ObjectNotFound : ErrorCategory.ResourceUnavailable);
            }
        }

        /// <summary>
        /// Pushes a repo:tag to its registry (<c>docker push</c>), reporting progress per layer. A refusal or
        /// an error inside the stream fails it with an ImagePushFailed <see cref="EngineException"/> naming
        /// the image.
        /// </summary>
        public async Task PushAsync(string image, PSCredential? credential, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var reference = ImageReference.Parse(image);
            var auth = AuthFor(RegistryOf(reference), credential) ?? new AuthConfig();
            try
            {
                await Call(
                    c => ProgressStream.RunAsync(
                        report => c.Images.PushImageAsync(reference.Repository, new ImagePushParameters { Tag = reference.TagOrDigest }, auth, report, cancellation),
                        progress,
                        reason => Failure("push", image, reason, ErrorCategory.ResourceUnavailable)),
                    cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImagePushFailed")
            {
                throw Failure("push", image, e.Message, e.StatusCode == 404 ? ErrorCategory.ObjectNotFound : ErrorCategory.ResourceUnavailable);
            }
        }

        /// <summary>
        /// Writes the images (with all their tags when named by id, the named tags otherwise) as one archive
        /// into <paramref name="destination"/> (<c>docker save</c>), streaming: <paramref name="progress"/>
        /// gets the bytes written so far. Memory stays flat whatever the images' size.
        /// </summary>
        public Task SaveAsync(IList<string> references, Stream destination, Action<long> progress, CancellationToken cancellation) =>
            Call(
                async c =>
                {
                    using var archive = await c.Images.SaveImagesAsync(references.ToArray(), cancellation).ConfigureAwait(false);
                    await CopyAsync(archive, destination, progress, cancellation).ConfigureAwait(false);
                },
                cancellation);

        /// <summary>
        /// Loads an image archive (<c>docker load</c>) from <paramref name="archive"/>, reporting the engine's
        /// progress; returns the references the engine loaded (<c>repo:tag</c>, or the id of an untagged
        /// image). An error inside the stream fails it with an ImageLoadFailed <see cref="EngineException"/>
        /// naming <paramref name="source"/>.
        /// </summary>
        public async Task<IList<string>> LoadAsync(Stream archive, string source, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var loaded = new System.Collections.Concurrent.ConcurrentQueue<string>();
            try
            {
                await Call(
                    c => ProgressStream.RunAsync(
                        report => c.Images.LoadImageAsync(new ImageLoadParameters { Quiet = false }, archive, report, cancellation),
                        message =>
                        {
                            foreach (var line in (message.Output ?? message.Status).Split('\n'))
                            {
                                foreach (var prefix in new[] { "Loaded image ID: ", "Loaded image: " })
                                {
                                    if (line.StartsWith(prefix, StringComparison.Ordinal))
                                    {
                                        loaded.Enqueue(line.Substring(prefix.Length).Trim());
                                    }
                                }
                            }

                            progress(message);
                        },
                        reason => ProgressStream.Failure($"Unable to load images from '{source}'", reason, "ImageLoadFailed", ErrorCategory.InvalidData)),
                    cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImageLoadFailed")
            {
                throw ProgressStream.Failure($"Unable to load images from '{source}'", e.Message, "ImageLoadFailed", ErrorCategory.InvalidData);
            }

            return loaded.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// Makes an image from a file system tar (<c>docker import</c>), streamed from
        /// <paramref name="rootfs"/>; returns the new image's id. <paramref name="changes"/> are Dockerfile
        /// instructions applied to its configuration (<c>docker import -c</c>).
        /// </summary>
        public async Task<string> ImportFileSystemAsync(Stream rootfs, string source, string? tag, string? message, IList<string> changes, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var reference = tag is null ? null : ImageReference.Parse(tag);
            string? id = null;
            try
            {
                await Call(
                    c => ProgressStream.RunAsync(
                        report => c.Images.CreateImageAsync(
                            new ImagesCreateParameters { FromSrc = "-", Repo = reference?.Repository, Tag = reference?.Tag, Message = message, Changes = changes.Count == 0 ? null : changes },
                            rootfs,
                            null,
                            report,
                            cancellation),
                        m =>
                        {
                            if (m.Status.StartsWith("sha256:", StringComparison.Ordinal))
                            {
                                id = m.Status.Trim();
                            }

                            progress(m);
                        },
                        reason => ProgressStream.Failure($"Unable to import '{source}'", reason, "ImageImportFailed", ErrorCategory.InvalidData)),
                    cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImageImportFailed")
            {
                throw ProgressStream.Failure($"Unable to import '{source}'", e.Message, "ImageImportFailed", ErrorCategory.InvalidData);
            }

            return id ?? throw new EngineException($"The engine imported '{source}' without saying the new image's id.", "EngineResponseInvalid", ErrorCategory.InvalidResult);
        }

        /// <summary>
        /// Makes an image from a container's changes (<c>docker commit</c>); returns its id. The container is
        /// paused while it is committed unless <paramref name="pause"/> is false.
        /// </summary>
        public async Task<string> CommitAsync(string container, string? tag, string? message, string? author, IList<string> changes, bool pause, CancellationToken cancellation)
        {
            var reference = tag is null ? null : ImageReference.Parse(tag);
            var response = await Engine.CallAsync(
                ContainerService.Refusals,
                c => c.Images.CommitContainerChangesAsync(
                    new CommitContainerChangesParameters
                    {
                        ContainerID = container,
                        RepositoryName = reference?.Repository,
                        Tag = reference?.Tag,
                        Comment = message,
                        Author = author,
                        Changes = changes.Count == 0 ? null : changes,
                        Pause = pause,
                    },
                    cancellation),
                cancellation).ConfigureAwait(false);
            return response.ID;
        }

        /// <summary>
        /// Builds an image with the engine's classic builder (<c>docker build</c>, <c>POST /build</c>): the
        /// context folder goes up as a tar made while it is sent (never whole in memory), less what its
        /// <c>.dockerignore</c> excludes. Each output line is reported with its step as it arrives. A step
        /// that fails ends it with an ImageBuildFailed <see cref="EngineException"/> naming the step and
        /// the engine's message; a missing context is ContextNotFound and a missing Dockerfile
        /// DockerfileNotFound. Returns the built image's listing lines, one per tag asked for, in order (its
        /// one line when no tag was asked for), all from one inspection.
        /// </summary>
        internal async Task<IList<Image>> BuildAsync(ImageBuildRequest request, IProgress<ImageBuildProgress>? progress, CancellationToken cancellation)
        {
            var context = BuildContext.Prepare(request.ContextPath, request.Dockerfile);
            foreach (var tag in request.Tags)
            {
                ImageReference.ParseTag(tag);
            }

            if (request.Platform is not null && Engine.ApiVersion is { } version && version < new System.Version(1, 38))
            {
                throw new EngineException($"-Platform needs API 1.38 or later; the engine speaks {version}.", "PlatformNotSupported", ErrorCategory.NotImplemented);
            }

            var parameters = new ImageBuildParameters
            {
                Dockerfile = context.DockerfileName,
                Tags = request.Tags.ToList(),
                BuildArgs = request.BuildArgs.ToDictionary(a => a.Key, a => a.Value ?? Environment.GetEnvironmentVariable(a.Key)!),
                Labels = new Dictionary<string, string>(request.Labels),
                Target = string.IsNullOrEmpty(request.Target) ? null : request.Target,
                NoCache = request.NoCache ? true : null,
                Pull = request.Pull ? "1" : null,
                Platform = string.IsNullOrEmpty(request.Platform) ? null : request.Platform,
                Remove = true,
                ForceRemove = request.ForceRemove ? true : null,
            };

            // As docker build: every registry's credentials PSDocker knows go along (X-Registry-Config), for
            // FROM images in private registries. Docker.DotNet's authConfigs argument is not used: the header is made here.
            var auths = RegistryCredentialStore.ForCurrentProcess().All().Select(a => ToAuth(a.Key, a.Value)).ToList();
            var headers = new Dictionary<string, string>();
            if (auths.Count > 0)
            {
                headers["X-Registry-Config"] = RegistryConfigHeader(auths);
            }

            var output = new BuildOutputReader(progress);
            using (var upload = new ContextUploadStream(context.WriteTar, cancellation))
            {
                try
                {
                    await Call(
                        c => ProgressStream.RunAsync(
                            report => c.Images.BuildImageFromDockerfileAsync(parameters, upload, Array.Empty<AuthConfig>(), headers, report, cancellation),
                            output.Add,
                            reason =>
                            {
                                output.Complete();
                                var step = output.StepText is null ? string.Empty : $" at {output.StepText}";
                                return ProgressStream.Failure($"The build of '{request.ContextPath}' failed{step}", reason, "ImageBuildFailed", ErrorCategory.InvalidResult);
                            }),
                        cancellation).ConfigureAwait(false);
                }
                catch (Exception) when (upload.ProducerFailure is { } failure && !cancellation.IsCancellationRequested)
                {
                    // The context could not be read: that, not the broken upload, is what the user must hear.
                    throw failure as EngineException
                        ?? new EngineException($"Cannot read the build context '{request.ContextPath}': {failure.Message}", "ContextFileUnreadable", ErrorCategory.ReadError, null, failure);
                }
                catch (EngineException e) when (e is not EngineUnreachableException && e.ErrorId != "ImageBuildFailed" && !cancellation.IsCancellationRequested)
                {
                    throw ProgressStream.Failure($"The build of '{request.ContextPath}' failed", e.Message, "ImageBuildFailed", e.Category);
                }
            }

            output.Complete();
            var id = output.ImageId ?? throw new EngineException($"The engine built '{request.ContextPath}' without saying the new image's id.", "EngineResponseInvalid", ErrorCategory.InvalidResult);
            ImageInspectResponse built;
            try
            {
                built = await Call(c => c.Images.InspectImageAsync(id, cancellation), cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.StatusCode == 404)
            {
                throw new EngineException($"The image '{id}' the engine built is gone.", "ImageNotFound", ErrorCategory.ObjectNotFound, null, e);
            }

            // One inspection answers every tag: a line per tag asked for, in order.
            var lines = ImageRecords.ToImages(built, Engine.Engine).ToList();
            var references = request.Tags.Count > 0 ? request.Tags : new[] { id };
            return references.Select(r => LineFor(lines, r)!).Where(i => i is not null).Distinct().ToList();
        }

        /// <summary>
        /// Copies a stream in chunks, reporting the bytes copied so far. A destination that is not
        /// asynchronous (a file opened for synchronous writes) is written on the reading thread: no hop to
        /// another pool thread per chunk.
        /// </summary>
        internal static async Task CopyAsync(Stream source, Stream destination, Action<long> progress, CancellationToken cancellation)
        {
            var buffer = new byte[CopyBufferSize];
            var synchronous = destination is FileStream { IsAsync: false };
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false)) > 0)
            {
                if (synchronous)
                {
                    destination.Write(buffer, 0, read);
                }
                else
                {
                    await destination.WriteAsync(buffer, 0, read, cancellation).ConfigureAwait(false);
                }

                total += read;
                progress(total);
            }

            await destination.FlushAsync(cancellation).ConfigureAwait(false);
        }

        /// <summary>The chunk of an archive copy (the engine sends up to 32 KiB a chunk; a socket read may hold several).</summary>
        private const int CopyBufferSize = 256 * 1024;

        /// <summary>
        /// Searches an index for repositories (<c>docker search</c>): Docker Hub, or the index a term starts
        /// with (<c>127.0.0.1:5000/busybox</c>). The engine reaches the index; an index it cannot reach is
        /// an ImageSearchFailed <see cref="EngineException"/> naming the term.
        /// </summary>
        public Task<IList<ImageSearchResult>> SearchAsync(string term, int? limit, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation) =>
            SearchAsync(term, limit, filters, null, cancellation);

        /// <summary>
        /// Searches with an account for the index (<c>-Credential</c>; without it, what Connect-Registry kept
        /// or the docker CLI's login for that index, as <c>docker search</c> sends them). The credentials go
        /// to the engine in the X-Registry-Auth header only.
        /// </summary>
        public async Task<IList<ImageSearchResult>> SearchAsync(string term, int? limit, IDictionary<string, IDictionary<string, bool>>? filters, PSCredential? credential, CancellationToken cancellation)
        {
            try
            {
                // The index a term names is its first part when that looks like a host (127.0.0.1:5000/busybox), else Docker Hub.
                var auth = AuthFor(RegistryOf(term), credential);
                if (auth is null)
                {
                    var results = await Call(c => c.Images.SearchImagesAsync(new ImagesSearchParameters { Term = term, Limit = limit, Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
                    return results.Select(r => ImageRecords.ToSearchResult(r, Engine.Engine)).ToList();
                }

                // Docker.DotNet's search takes no credentials: the same call, with the header.
                var query = "/images/search?term=" + Uri.EscapeDataString(term)
                    + (limit is { } n ? "&limit=" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                    + (filters is null ? string.Empty : "&filters=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(filters)));
                var headers = new Dictionary<string, string> { ["X-Registry-Auth"] = RegistryAuthHeader(auth) };
                using var answer = await Call(c => RawApiCall.SendAsync(Engine, c, System.Net.Http.HttpMethod.Get, query, headers, cancellation), cancellation).ConfigureAwait(false);
                var records = System.Text.Json.JsonSerializer.Deserialize<List<ImageSearchResponse>>(answer.RootElement.GetRawText()) ?? new List<ImageSearchResponse>();
                return records.Select(r => ImageRecords.ToSearchResult(r, Engine.Engine)).ToList();
            }
            catch (EngineException e) when (e is not EngineUnreachableException)
            {
                throw new EngineException($"Unable to search for '{term}': {e.Message.Trim().TrimEnd('.')}.", "ImageSearchFailed", ErrorCategory.ResourceUnavailable, e.StatusCode);
            }
        }

        /// <summary>The X-Registry-Auth header's value: the auth record as JSON, base64url-encoded, as the docker CLI sends it.</summary>
        internal static string RegistryAuthHeader(AuthConfig auth) => Base64Url(AuthRecord(auth));

        /// <summary>The X-Registry-Config header's value: every registry's auth record by its address, as JSON, base64url-encoded, as docker build sends it.</summary>
        internal static string RegistryConfigHeader(IEnumerable<AuthConfig> auths) =>
            Base64Url(auths.ToDictionary(a => a.ServerAddress ?? string.Empty, AuthRecord, StringComparer.Ordinal));

        /// <summary>The registry part of a reference, as the engine keys credentials (<c>docker.io</c> for Docker Hub).</summary>
        public static string RegistryOf(ImageReference reference) => RegistryOf(reference.Repository);

        private static string RegistryOf(string repository)
        {
            var slash = repository.IndexOf('/');
            var first = slash < 0 ? string.Empty : repository.Substring(0, slash);
            return first.IndexOf('.') >= 0 || first.IndexOf(':') >= 0 || first == "localhost" ? first : "docker.io";
        }

        // The credentials for a registry: -Credential, else what Connect-Registry kept for the session,
        // else the docker CLI's login; null when there are none.
        private static AuthConfig? AuthFor(string registry, PSCredential? credential)
        {
            credential ??= RegistryCredentialStore.ForCurrentProcess().Find(registry);
            return credential is null ? null : ToAuth(registry, credential);
        }

        private static AuthConfig ToAuth(string registry, PSCredential credential) =>
            new AuthConfig { Username = credential.UserName, Password = credential.GetNetworkCredential().Password, ServerAddress = RegistryCredentialStore.Normalize(registry) };

        // One registry's record in the X-Registry-Auth and X-Registry-Config headers.
        private static Dictionary<string, string?> AuthRecord(AuthConfig auth) => new Dictionary<string, string?>
        {
            ["username"] = auth.Username,
            ["password"] = auth.Password,
            ["serveraddress"] = auth.ServerAddress,
        };

        private static string Base64Url(object value) =>
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(value))).Replace('+', '-').Replace('/', '_');

        private static string Normalize(string reference)
        {
            try
            {
                return ImageReference.Parse(reference).ToString();
            }
            catch (InvalidSpecException)
            {
                return reference;
            }
        }

        private static EngineException Failure(string verb, string image, string reason, ErrorCategory category) =>
            ProgressStream.Failure($"Unable to {verb} image '{image}'", reason, verb == "pull" ? "ImagePullFailed" : "ImagePushFailed", category);
    }
}
