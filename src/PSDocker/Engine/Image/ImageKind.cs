using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>Images as a resource kind; for now what completion of <c>-Image</c> needs: the local <c>repo:tag</c> references.</summary>
    public sealed class ImageKind : IResourceKind
    {
        /// <summary>The one instance.</summary>
        public static readonly ImageKind Instance = new ImageKind();

        private ImageKind()
        {
        }

        /// <inheritdoc />
        public string Noun => "Image";

        /// <inheritdoc />
        public async Task<IList<(string Name, string Tooltip)>> CompletionNamesAsync(EngineConnection engine, CancellationToken cancellation) =>
            (await engine.Images.ListReferencesAsync(cancellation).ConfigureAwait(false))
                .Select(r => (r.Reference, r.Reference + " (" + ContainerKind.ShortId(r.Id) + ")"))
                .ToList();
    }
}
