using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Resumes the processes of paused containers (docker unpause).</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class ResumeContainerCommand : ResourceChangeCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Unpause";

        /// <inheritdoc />
        protected override Task ChangeAsync(ResourceTarget target, CancellationToken cancellation) =>
            target.Engine.Containers.UnpauseAsync(target.Reference, cancellation);
    }
}
