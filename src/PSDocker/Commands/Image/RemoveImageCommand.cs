using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes image references (docker rmi), or unused images (docker image prune).</para>
    /// <para type="description">Acts on exactly the reference named or piped: a repo:tag is untagged and
    /// the image goes only with its last tag; an id removes the image. An image a container uses is kept
    /// with an ImageInUse error unless -Force. Like docker rmi it does not ask (ConfirmImpact Medium).
    /// -Prune removes dangling images (with -All, every image no container uses) and asks first, like
    /// docker image prune, unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveImageCommand : ResourceRemovalCmdlet<Image, IImageReference>
    {
        private static readonly IReadOnlyList<string> ImagePruneKeys = new[] { "until", "label", "label!" };

        /// <summary>Remove images containers use, and images by id with all their tags (docker rmi -f). With -Prune: do not ask first.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Keep the untagged parent images (docker rmi --no-prune).</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        [Parameter(ParameterSetName = ParameterSets.Id)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public SwitchParameter NoPrune { get; set; }

        /// <summary>With -Prune: every image no container uses, not only dangling ones (docker image prune -a).</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter All { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => Force ? "Remove (force)" : "Remove";

        /// <inheritdoc />
        protected override IReadOnlyList<string> PruneKeys => ImagePruneKeys;

        /// <inheritdoc />
        protected override string PruneTarget => All ? "all images without a container" : "all dangling images";

        /// <inheritdoc />
        protected override bool PruneWithoutAsking => Force;

        /// <inheritdoc />
        protected override Task<PruneResult> PruneAsync(EngineConnection engine, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation) =>
            engine.Images.PruneAsync(filters, All, cancellation);

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Images.RemoveAsync(target.Reference, Force, NoPrune, cancellation).ConfigureAwait(false);
            return null;
        }
    }
}
