using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Pauses all processes in running containers (docker pause).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Suspend, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class SuspendContainerCommand : ContainerChangeCmdlet
    {
        /// <summary>Emit the paused containers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Pause";

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation)
        {
            await target.Engine.Client.Containers.PauseContainerAsync(target.Reference, cancellation).ConfigureAwait(false);
            return PassThru ? await RefreshAsync(target, cancellation).ConfigureAwait(false) : null;
        }
    }
}
