using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the processes running in containers (docker top).</para>
    /// <para type="description">The engine runs ps on the host for the container's processes. The default
    /// ps -ef columns are typed properties; with -PsArgs every column the engine returns is in the Columns
    /// dictionary.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerProcess", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerProcess))]
    public sealed class GetContainerProcessCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        /// <summary>Arguments for ps instead of -ef (docker top CONTAINER aux).</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? PsArgs { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            if (ContainerIdentity.IsIdleWildcardMatch(target))
            {
                return null;
            }

            var (id, name) = await ContainerIdentity.ResolveAsync(target, cancellation).ConfigureAwait(false);
            return await target.Engine.Containers.ListProcessesAsync(id, name, PsArgs, cancellation).ConfigureAwait(false);
        }
    }
}
