using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets containers' full records: state, pid, configuration, mounts, networks (docker inspect).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerDetail", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(ContainerDetail))]
    public sealed class GetContainerDetailCommand : ContainerActionCmdlet
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation) =>
            await ContainerApi.InspectAsync(target.Engine, target.Reference, cancellation).ConfigureAwait(false);
    }
}
