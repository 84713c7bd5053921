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
    /// <para type="synopsis">Removes containers (docker rm), or every stopped container (docker container prune).</para>
    /// <para type="description">A running container is removed only with -Force (docker rm -f); without it,
    /// the container is left alone and a ContainerRunning error is written. Like docker rm, removing named
    /// containers does not ask (ConfirmImpact Medium; -Confirm asks). -Prune removes the stopped
    /// containers that match -Filter and -Label and emits a PruneResult per engine; like docker container
    /// prune it asks first, unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Container", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveContainerCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        private const string PruneSet = "Prune";

        private IDictionary<string, IDictionary<string, bool>>? _pruneFilters;

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

        /// <summary>Remove every stopped container instead of named ones (docker container prune).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Prune { get; set; }

        /// <summary>
        /// Prune filters, as <c>docker container prune --filter</c> takes them: <c>until</c> (a duration
        /// like '24h', a timestamp, a DateTime or a TimeSpan), <c>label</c> and <c>label!</c> (<c>key</c> or
        /// <c>key=value</c>; an array for several). Example: <c>@{until='24h'; label='env=dev'}</c>.
        /// </summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>
        /// Prune only containers with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable
        /// <c>@{ key = 'value' }</c>; all must match.
        /// </summary>
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
                    _pruneFilters = PruneFilter.From(Filter, Label, PruneFilter.ContainerKeys);
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

            var what = "all stopped containers" + DescribeFilters();
            var prunes = TargetEngines
                .Where(engine => ShouldProcessHighImpact(what + OnEngine(engine), "Remove (prune)", Force))
                .Select(engine => (engine, task: engine.Containers.PruneAsync(_pruneFilters, CancellationToken)))
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
            await target.Engine.Containers.RemoveAsync(target.Reference, Force, Volume, cancellation).ConfigureAwait(false);
            return null;
        }

        private string DescribeFilters() =>
            _pruneFilters is null
                ? string.Empty
                : " matching " + string.Join(", ", _pruneFilters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
    }
}
