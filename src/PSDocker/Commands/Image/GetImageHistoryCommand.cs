using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Shows the history of images, one ImageLayer per step (docker history).</para>
    /// <para type="description">Emits the steps that made each image, newest first, as docker history
    /// lists them: the step's image id (&lt;missing&gt; when it is not local), when it ran, the
    /// instruction, the bytes it added and its comment.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ImageHistory", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ImageLayer))]
    public sealed class GetImageHistoryCommand : ResourceActionCmdlet<Image, IImageReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation) =>
            await target.Engine.Images.HistoryAsync(target.Reference, target.DisplayName, cancellation).ConfigureAwait(false);
    }
}
