using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the files and folders changed in containers' file systems since they were created from their images (docker diff).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerChange", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerChange))]
    public sealed class GetContainerChangeCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            var (id, name) = await ContainerIdentity.ResolveAsync(target, cancellation).ConfigureAwait(false);
            return await target.Engine.Containers.ListChangesAsync(id, name, cancellation).ConfigureAwait(false);
        }
    }
}
