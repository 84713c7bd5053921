using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes networks (docker network rm), or every unused network (docker network prune).</para>
    /// <para type="description">A network that containers are attached to is left alone and a NetworkInUse
    /// error is written; the predefined bridge, host and none networks cannot be removed. Like docker
    /// network rm, removing named networks does not ask (ConfirmImpact Medium; -Confirm asks). -Prune
    /// removes the networks no container uses that match -Filter (until, label, label!) and -Label and
    /// emits a PruneResult per engine; like docker network prune it asks first, unless -Force or
    /// -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerNetworkCommand : ResourceRemovalCmdlet<ContainerNetwork, INetworkReference>
    {
        private static readonly IReadOnlyList<string> NetworkPruneKeys = new[] { "until", "label", "label!" };

        /// <summary>With -Prune: do not ask first (docker network prune -f).</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Remove";

        /// <inheritdoc />
        protected override IReadOnlyList<string> PruneKeys => NetworkPruneKeys;

        /// <inheritdoc />
        protected override string PruneTarget => "all unused networks";

        /// <inheritdoc />
        protected override bool PruneWithoutAsking => Force;

        /// <inheritdoc />
        protected override Task<PruneResult> PruneAsync(EngineConnection engine, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation) =>
            engine.Networks.PruneAsync(filters, cancellation);

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Networks.RemoveAsync(target.Reference, cancellation).ConfigureAwait(false);
            return null;
        }
    }
}
