using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops running containers (docker stop), or kills them (docker kill).</para>
    /// <para type="description">Stopping a container that is not running is not an error, as with docker
    /// stop; -Force on such a container is not an error either. -Force kills at once with SIGKILL and
    /// returns once the container has stopped; -Signal only sends the signal (docker kill --signal), and
    /// sending it to a container that is not running is a ContainerNotRunning error.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class StopContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
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
        [ArgumentCompleter(typeof(SignalCompleter))]
        public string? Signal { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction =>
            Signal is not null ? "Send signal " + Signal : Force ? "Kill" : "Stop";

        /// <inheritdoc />
        protected override void Begin()
        {
            if (Timeout.HasValue && (Force || Signal is not null))
            {
                ThrowArgumentError("-Timeout applies to a graceful stop; it cannot be combined with -Force or -Signal.", "TimeoutWithKill", Timeout);
            }

            if (Force && Signal is not null)
            {
                ThrowArgumentError("-Force kills with SIGKILL and -Signal sends another signal: use one of them.", "ForceWithSignal", Signal);
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override async Task ChangeAsync(ResourceTarget target, CancellationToken cancellation)
        {
            var containers = target.Engine.Containers;
            if (Signal is not null)
            {
                await containers.KillAsync(target.Reference, Signal, cancellation).ConfigureAwait(false);
            }
            else if (Force)
            {
                // The engine answers SIGKILL once the container has exited. A container that is not
                // running is already where -Force wants it: not an error, as for a graceful stop.
                try
                {
                    await containers.KillAsync(target.Reference, "KILL", cancellation).ConfigureAwait(false);
                }
                catch (EngineException e) when (e.ErrorId == "ContainerNotRunning")
                {
                }
            }
            else
            {
                // A container that is not running is success, as for docker stop.
                await containers.StopAsync(target.Reference, Timeout, cancellation).ConfigureAwait(false);
            }
        }
    }
}
