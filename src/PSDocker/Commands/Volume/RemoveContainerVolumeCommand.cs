using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
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
    /// removes the volumes no container uses that match -Filter and -Label and emits a PruneResult per
    /// engine; like docker volume prune it asks first, unless -Force or -Confirm:$false. Over API 1.41
    /// (engine 20.10) a prune removes named volumes as well as anonymous ones.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerVolume", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerVolumeCommand : ResourceActionCmdlet<ContainerVolume, IVolumeReference>
    {
        private const string PruneSet = "Prune";

        /// <summary>The filters <c>docker volume prune</c> understands over API 1.41.</summary>
        private static readonly IReadOnlyList<string> PruneKeys = new[] { "label", "label!" };

        private IDictionary<string, IDictionary<string, bool>>? _pruneFilters;

        /// <summary>
        /// A volume that does not exist is no error (docker volume rm -f). With -Prune: do not ask first
        /// (docker volume prune -f). A volume in use is never removed.
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Remove every volume no container uses instead of named ones (docker volume prune).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Prune { get; set; }

        /// <summary>Prune filters, as <c>docker volume prune --filter</c> takes them: <c>label</c> and <c>label!</c>.</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Prune only volumes with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable; all must match.</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => Force ? "Remove (force)" : "Remove";

        /// <inheritdoc />
        protected override void Begin()
        {
            if (ParameterSetName == PruneSet)
            {
                try
                {
                    _pruneFilters = PruneFilter.From(Filter, Label, PruneKeys);
                }
                catch (ArgumentException e)
                {
                    ThrowArgumentError(e.Message, "InvalidPruneFilter", Filter);
                }
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override void Process()
        {
            if (ParameterSetName != PruneSet)
            {
                base.Process();
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            if (ParameterSetName != PruneSet)
            {
                base.End();
                return;
            }

            var what = "all unused volumes" + DescribeFilters();
            var prunes = TargetEngines
                .Where(engine => ShouldProcessHighImpact(what + OnEngine(engine), "Remove (prune)", Force))
                .Select(engine => (engine, task: engine.Volumes.PruneAsync(_pruneFilters, CancellationToken)))
                .ToList();
            foreach (var (engine, task) in prunes)
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
                if (task.IsFaulted || task.IsCanceled)
                {
                    Fail(task.Exception?.GetBaseException() ?? new OperationCanceledException(), (object?)Filter ?? engine.Endpoint.ToString());
                    continue;
                }

                WriteObject(task.Result);
            }
        }

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Volumes.RemoveAsync(target.Reference, Force, cancellation).ConfigureAwait(false);
            return null;
        }

        private string DescribeFilters() =>
            _pruneFilters is null
                ? string.Empty
                : " matching " + string.Join(", ", _pruneFilters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
    }
}
