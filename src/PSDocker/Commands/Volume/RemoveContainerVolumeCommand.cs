using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes volumes (docker volume rm), or every unused volume (docker volume prune).</para>
    /// <para type="description">A volume a container uses (running or not) is left alone and a VolumeInUse
    /// error is written, even with -Force; -Force makes a volume that does not exist no error (docker
    /// volume rm -f). Removing named volumes does not ask (ConfirmImpact Medium; -Confirm asks). -Prune
    /// removes the volumes no container uses that match -Filter (label, label!) and -Label and emits a
    /// PruneResult per engine; like docker volume prune it asks first, unless -Force or -Confirm:$false.
    /// Over API 1.41 (engine 20.10) a prune removes named volumes as well as anonymous ones.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerVolumeCommand : ResourceRemovalCmdlet<ContainerVolume, IVolumeReference>
    {
        // docker volume prune over API 1.41: no 'until', and no 'all' (API 1.42).
        private static readonly IReadOnlyList<string> VolumePruneKeys = new[] { "label", "label!" };

        /// <summary>
        /// A volume that does not exist is no error (docker volume rm -f). With -Prune: do not ask first
        /// (docker volume prune -f). A volume in use is never removed.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => Force ? "Remove (force)" : "Remove";

        /// <inheritdoc />
        protected override IReadOnlyList<string> PruneKeys => VolumePruneKeys;

        /// <inheritdoc />
        protected override string PruneTarget => "all unused volumes";

        /// <inheritdoc />
        protected override bool PruneWithoutAsking => Force;

        /// <inheritdoc />
        protected override Task<PruneResult> PruneAsync(EngineConnection engine, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation) =>
            engine.Volumes.PruneAsync(filters, cancellation);

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Volumes.RemoveAsync(target.Reference, Force, cancellation).ConfigureAwait(false);
            return null;
        }
    }
}
