using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows images in detail (docker image inspect).</para>
    /// <para type="description">Takes repo:tag references, ids, wildcards matched against the local
    /// images, or image objects from the pipeline, and emits an ImageDetail per image: its tags, digests,
    /// configuration (command, entrypoint, environment, ports, labels) and layers.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImageDetail", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ImageDetail))]
    public sealed class GetImageDetailCommand : ResourceActionCmdlet<Image, IImageReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation) =>
            await target.Engine.Images.InspectAsync(target.Reference, cancellation).ConfigureAwait(false);
    }
}
