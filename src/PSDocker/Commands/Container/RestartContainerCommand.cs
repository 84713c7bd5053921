using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Restarts containers (docker restart); stopped containers are started.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Restart, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class RestartContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
    {
        /// <summary>Seconds to wait after the stop signal before the engine kills the container (default: the container's own, 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        [Alias("Time")]
        public int? Timeout { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Restart";

        /// <inheritdoc />
        protected override Task ChangeAsync(ResourceTarget target, CancellationToken cancellation) =>
            target.Engine.Containers.RestartAsync(target.Reference, Timeout, cancellation);
    }
}
