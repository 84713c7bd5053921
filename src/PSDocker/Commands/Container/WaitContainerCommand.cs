using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits until containers stop and returns their exit codes (docker wait).</para>
    /// <para type="description">Emits one ExecResult per container, in input order. Exit codes are data: a
    /// non-zero exit is not an error. Waits on several containers run at the same time.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "Container", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ExecResult))]
    public sealed class WaitContainerCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        /// <summary>
        /// Give up after this many seconds: each container still running then gets a WaitTimeout error.
        /// Default: wait as long as it takes.
        /// </summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue / 1000)]
        public int? Timeout { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation) =>
            await target.Engine.Containers.WaitAsync(
                target.Reference,
                Timeout.HasValue ? TimeSpan.FromSeconds(Timeout.Value) : (TimeSpan?)null,
                cancellation).ConfigureAwait(false);
    }
}
