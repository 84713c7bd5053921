using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Pauses all processes in running containers (docker pause).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class SuspendContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Pause";

        /// <inheritdoc />
        protected override Task ChangeAsync(ResourceTarget target, CancellationToken cancellation) =>
            target.Engine.Containers.PauseAsync(target.Reference, cancellation);
    }
}
