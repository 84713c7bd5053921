using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops running containers (docker stop), or kills them (docker kill).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class StopContainerCommand : ContainerActionCmdlet
    {
        /// <summary>Seconds to wait after the stop signal before the engine kills the container (default: the container's own, 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [Alias("Time")]
        public int? Timeout { get; set; }

        /// <summary>Kill at once with SIGKILL (docker kill).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Send this signal instead (docker kill --signal), e.g. HUP, SIGUSR1 or 9.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Signal { get; set; }

        /// <summary>Emit the stopped containers.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => Force || Signal is not null ? "Kill" : "Stop";

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            if (Timeout.HasValue && (Force || Signal is not null))
            {
                ThrowArgumentError("-Timeout applies to a graceful stop; it cannot be combined with -Force or -Signal.", "TimeoutWithKill", Timeout);
            }

            base.BeginProcessing();
        }

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation)
        {
            var containers = target.Engine.Client.Containers;
            if (Force || Signal is not null)
            {
                await containers.KillContainerAsync(target.Reference, new ContainerKillParameters { Signal = Signal ?? "KILL" }, cancellation).ConfigureAwait(false);
            }
            else
            {
                await containers.StopContainerAsync(
                    target.Reference,
                    new ContainerStopParameters { WaitBeforeKillSeconds = Timeout.HasValue ? (uint?)Timeout.Value : null },
                    cancellation).ConfigureAwait(false);
            }

            return PassThru ? await ContainerApi.GetAsync(target.Engine, target.Reference, cancellation).ConfigureAwait(false) : null;
        }
    }
}
