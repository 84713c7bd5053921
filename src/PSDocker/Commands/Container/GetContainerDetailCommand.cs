using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets containers' full records: state, pid, configuration, mounts, networks (docker inspect).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerDetail", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerDetail))]
    public sealed class GetContainerDetailCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation) =>
            await target.Engine.Containers.InspectAsync(target.Reference, cancellation).ConfigureAwait(false);
    }
}
