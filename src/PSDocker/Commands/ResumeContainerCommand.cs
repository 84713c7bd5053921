using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Resumes the processes of paused containers (docker unpause).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class ResumeContainerCommand : ContainerChangeCmdlet
    {
        /// <summary>Emit the resumed containers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Unpause";

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation)
        {
            await target.Engine.Client.Containers.UnpauseContainerAsync(target.Reference, cancellation).ConfigureAwait(false);
            return PassThru ? await RefreshAsync(target, cancellation).ConfigureAwait(false) : null;
        }
    }
}
