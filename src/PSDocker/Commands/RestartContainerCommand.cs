using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Restarts containers (docker restart); stopped containers are started.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class RestartContainerCommand : ContainerChangeCmdlet
    {
        /// <summary>Seconds to wait after the stop signal before the engine kills the container (default: the container's own, 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [Alias("Time")]
        public int? Timeout { get; set; }

        /// <summary>Emit the restarted containers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Restart";

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation)
        {
            await target.Engine.Client.Containers.RestartContainerAsync(
                target.Reference,
                new ContainerRestartParameters { WaitBeforeKillSeconds = Timeout.HasValue ? (uint?)Timeout.Value : null },
                cancellation).ConfigureAwait(false);
            return PassThru ? await RefreshAsync(target, cancellation).ConfigureAwait(false) : null;
        }
    }
}
