using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Starts containers (docker start). Starting a running container is not an error.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class StartContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Start";

        /// <inheritdoc />
        protected override Task ChangeAsync(ResourceTarget target, CancellationToken cancellation) =>
            target.Engine.Containers.StartAsync(target.Reference, cancellation);
    }
}
