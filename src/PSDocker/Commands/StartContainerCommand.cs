using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts containers (docker start). Starting a running container is not an error.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class StartContainerCommand : ContainerChangeCmdlet
    {
        /// <summary>Emit the started containers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Start";

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation)
        {
            // false (304) when it already runs: like docker start, that is success.
            await target.Engine.Client.Containers.StartContainerAsync(target.Reference, new ContainerStartParameters(), cancellation).ConfigureAwait(false);
            return PassThru ? await RefreshAsync(target, cancellation).ConfigureAwait(false) : null;
        }
    }
}
