using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Images as a resource kind: listed like <c>docker images</c>, one <see cref="Image"/> per repo:tag;
    /// a listed image is acted on by its repo:tag (so removal untags it), an untagged one by its id.
    /// </summary>
    public sealed class ImageKind : ResourceKind<Image>
    {
        /// <summary>The one instance.</summary>
        public static readonly ImageKind Instance = new ImageKind();

        private ImageKind()
        {
        }

        /// <inheritdoc />
        public override string Noun => "Image";

        /// <inheritdoc />
        public override Task<IList<Image>> ListAsync(EngineConnection engine, CancellationToken cancellation) =>
            engine.Images.ListAsync(new ImageQuery(), cancellation);

        /// <inheritdoc />
        public override Task<Image?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation) =>
            engine.Images.FindAsync(reference, cancellation);

        /// <inheritdoc />
        public override string IdOf(Image resource) => resource.Id;

        /// <summary>An image answers to its repo:tag and (for wildcards such as <c>team/*</c>) its repository.</summary>
        public override IReadOnlyList<string> NamesOf(Image resource) =>
            resource.Reference.Length > 0 ? new[] { resource.Reference, resource.Repository } : Array.Empty<string>();

        /// <inheritdoc />
        public override string Describe(Image resource) => ResourceIds.Short(resource.Id) + " (" + DisplayText.Size(resource.Size) + ")";

        /// <inheritdoc />
        public override string ReferenceOf(Image resource) => resource.Reference.Length > 0 ? resource.Reference : resource.Id;

        /// <inheritdoc />
        public override string ReferenceOf(IResourceReference item) =>
            item is Image { Reference.Length: > 0 } image ? image.Reference : item.ResourceId;

        /// <summary>Full ids: 64 hex digits, with or without <c>sha256:</c>.</summary>
        public override bool IsFullId(string reference) =>
            base.IsFullId(reference.StartsWith("sha256:", StringComparison.Ordinal) ? reference.Substring(7) : reference);
    }
}
