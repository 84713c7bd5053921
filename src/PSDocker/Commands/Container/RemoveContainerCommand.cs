using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes containers (docker rm), or every stopped container (docker container prune).</para>
    /// <para type="description">A running container is removed only with -Force (docker rm -f); without it,
    /// the container is left alone and a ContainerRunning error is written. Like docker rm, removing named
    /// containers does not ask (ConfirmImpact Medium; -Confirm asks). -Prune removes the stopped
    /// containers that match -Filter and -Label and emits a PruneResult per engine; like docker container
    /// prune it asks first, unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Container", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerCommand : ResourceRemovalCmdlet<Container, IContainerReference>
    {
        /// <summary>
        /// Remove running containers too: kill, then remove (docker rm -f). With -Prune: do not ask first
        /// (docker container prune -f).
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Also remove the anonymous volumes of the containers (docker rm -v).</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        [Parameter(ParameterSetName = ParameterSets.Id)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public SwitchParameter Volume { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => Force ? "Remove (force)" : "Remove";

        /// <inheritdoc />
        protected override IReadOnlyList<string> PruneKeys => PruneFilter.ContainerKeys;

        /// <inheritdoc />
        protected override string PruneTarget => "all stopped containers";

        /// <inheritdoc />
        protected override bool PruneWithoutAsking => Force;

        /// <inheritdoc />
        protected override Task<PruneResult> PruneAsync(EngineConnection engine, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation) =>
            engine.Containers.PruneAsync(filters, cancellation);

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Containers.RemoveAsync(target.Reference, Force, Volume, cancellation).ConfigureAwait(false);
            return null;
        }
    }
}
