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
    /// <para type="synopsis">Removes image references (docker rmi), or unused images (docker image prune).</para>
    /// <para type="description">Acts on exactly the reference named or piped: a repo:tag is untagged and
    /// the image goes only with its last tag; an id removes the image. An image a container uses is kept
    /// with an ImageInUse error unless -Force. Like docker rmi it does not ask (ConfirmImpact Medium).
    /// -Prune removes dangling images (with -All, every image no container uses) and asks first, like
    /// docker image prune, unless -Force or -Confirm:$false.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PruneResult), ParameterSetName = new[] { PruneSet })]
    public sealed class RemoveImageCommand : ResourceActionCmdlet<Image, IImageReference>
    {
        private const string PruneSet = "Prune";

        private static readonly IReadOnlyList<string> PruneKeys = new[] { "until", "label", "label!" };

        private IDictionary<string, IDictionary<string, bool>>? _pruneFilters;

        /// <summary>Remove images containers use, and images by id with all their tags (docker rmi -f). With -Prune: do not ask first.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Keep the untagged parent images (docker rmi --no-prune).</summary>
        [Parameter(ParameterSetName = ParameterSets.Name)]
        [Parameter(ParameterSetName = ParameterSets.Id)]
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public SwitchParameter NoPrune { get; set; }

        /// <summary>Remove unused images instead of named ones (docker image prune).</summary>
        [Parameter(Mandatory = true, ParameterSetName = PruneSet)]
        public SwitchParameter Prune { get; set; }

        /// <summary>With -Prune: every image no container uses, not only dangling ones (docker image prune -a).</summary>
        [Parameter(ParameterSetName = PruneSet)]
        public SwitchParameter All { get; set; }

        /// <summary>Prune filters: <c>until</c>, <c>label</c>, <c>label!</c>, as docker image prune --filter takes them.</summary>
        [Parameter(ParameterSetName = PruneSet)]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Prune only images with these labels: <c>key</c>, <c>key=value</c> or a hashtable; all must match.</summary>
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

            var what = (All ? "all images without a container" : "all dangling images") + DescribeFilters();
            var prunes = TargetEngines
                .Where(engine => ShouldProcessHighImpact(what + OnEngine(engine), "Remove (prune)", Force))
                .Select(engine => (engine, task: engine.Images.PruneAsync(_pruneFilters, All, CancellationToken)))
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
            await target.Engine.Images.RemoveAsync(target.Reference, Force, NoPrune, cancellation).ConfigureAwait(false);
            return null;
        }

        private string DescribeFilters() =>
            _pruneFilters is null
                ? string.Empty
                : " matching " + string.Join(", ", _pruneFilters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
    }
}
