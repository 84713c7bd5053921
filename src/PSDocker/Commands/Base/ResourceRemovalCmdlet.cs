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
    /// Base of the Remove-… cmdlets that also prune (docker container/network/volume prune): the
    /// <c>-Prune</c> parameter set with its <c>-Filter</c> and <c>-Label</c>, validated before anything is
    /// removed, asked about as a high-impact change, and one <see cref="PruneResult"/> per engine. Named
    /// removals go through the batch of <see cref="ResourceActionCmdlet{T, TRef}"/>.
    /// </summary>
    public abstract class ResourceRemovalCmdlet<T, TRef> : ResourceActionCmdlet<T, TRef>
        where T : class
        where TRef : class, IResourceReference
    {
        /// <summary>The name of the prune parameter set.</summary>
        protected const string PruneSet = "Prune";

        private IDictionary<string, IDictionary<string, bool>>? _pruneFilters;

        /// <summary>Remove every unused resource of the kind instead of named ones (docker … prune).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Prune { get; set; }

        /// <summary>
        /// Prune filters, as <c>docker … prune --filter</c> takes them (<c>@{until='24h'; label='env=dev'}</c>);
        /// which keys the kind's prune understands is the cmdlet's <see cref="PruneKeys"/>.
        /// </summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>
        /// Prune only what has these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable
        /// <c>@{ key = 'value' }</c>; all must match.
        /// </summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <summary>The filter keys the kind's prune understands.</summary>
        protected abstract IReadOnlyList<string> PruneKeys { get; }

        /// <summary>What a prune removes, for -WhatIf/-Confirm ("all stopped containers").</summary>
        protected abstract string PruneTarget { get; }

        /// <summary>Whether the prune goes ahead without asking (the cmdlet's -Force).</summary>
        protected abstract bool PruneWithoutAsking { get; }

        /// <summary>The prune on one engine.</summary>
        protected abstract Task<PruneResult> PruneAsync(EngineConnection engine, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation);

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

            var what = PruneTarget + DescribeFilters();
            var prunes = TargetEngines
                .Where(engine => ShouldProcessHighImpact(what + OnEngine(engine), "Remove (prune)", PruneWithoutAsking))
                .Select(engine => (engine, task: PruneAsync(engine, _pruneFilters, CancellationToken)))
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

        private string DescribeFilters() =>
            _pruneFilters is null
                ? string.Empty
                : " matching " + string.Join(", ", _pruneFilters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
    }
}
