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
    /// <para type="synopsis">Removes networks (docker network rm), or every unused network (docker network prune).</para>
    /// <para type="description">A network that containers are attached to is left alone and a NetworkInUse
    /// error is written; the predefined bridge, host and none networks cannot be removed. Like docker
    /// network rm, removing named networks does not ask (ConfirmImpact Medium; -Confirm asks). -Prune
    /// removes the networks no container uses that match -Filter and -Label and emits a PruneResult per
    /// engine; like docker network prune it asks first, unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerNetworkCommand : ResourceActionCmdlet<ContainerNetwork, INetworkReference>
    {
        private const string PruneSet = "Prune";

        /// <summary>The filters <c>docker network prune</c> understands.</summary>
        private static readonly IReadOnlyList<string> PruneKeys = new[] { "until", "label", "label!" };

        private IDictionary<string, IDictionary<string, bool>>? _pruneFilters;

        /// <summary>Remove every network no container uses instead of named ones (docker network prune).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Prune { get; set; }

        /// <summary>With -Prune: do not ask first (docker network prune -f).</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// Prune filters, as <c>docker network prune --filter</c> takes them: <c>until</c> (a duration like
        /// '24h', a timestamp, a DateTime or a TimeSpan), <c>label</c> and <c>label!</c>.
        /// </summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Prune only networks with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable; all must match.</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Remove";

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

            var what = "all unused networks" + DescribeFilters();
            var prunes = TargetEngines
                .Where(engine => ShouldProcessHighImpact(what + OnEngine(engine), "Remove (prune)", Force))
                .Select(engine => (engine, task: engine.Networks.PruneAsync(_pruneFilters, CancellationToken)))
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
            await target.Engine.Networks.RemoveAsync(target.Reference, cancellation).ConfigureAwait(false);
            return null;
        }

        private string DescribeFilters() =>
            _pruneFilters is null
                ? string.Empty
                : " matching " + string.Join(", ", _pruneFilters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
    }
}
