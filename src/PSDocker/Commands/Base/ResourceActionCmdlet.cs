using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of cmdlets that make one engine call per resource (start, stop, remove, inspect, wait, …):
    /// asks ShouldProcess on the pipeline thread, keeps up to <see cref="ThrottleLimit"/> calls in flight
    /// and writes results and errors in input order.
    /// </summary>
    public abstract class ResourceActionCmdlet<T, TRef> : ResourceCmdlet<T, TRef>
        where T : class
        where TRef : class, IResourceReference
    {
        private OrderedBatch<ResourceTarget>? _batch;

        /// <summary>How many engine calls may be in flight at once (the docker CLI keeps 50).</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = 50;

        /// <summary>The -WhatIf/-Confirm action text ("Stop", "Remove"); null for cmdlets that change nothing.</summary>
        protected abstract string? ShouldProcessAction { get; }

        /// <summary>The engine call for one resource; its result (or null) is written to the pipeline.</summary>
        protected abstract Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation);

        /// <inheritdoc />
        protected override void Begin()
        {
            _batch = new OrderedBatch<ResourceTarget>(ThrottleLimit, CancellationToken);
        }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var target in ResolveTargets())
            {
                if (ShouldProcessAction is { } action && !ShouldProcess(DescribeTarget(target), action))
                {
                    continue;
                }

                _batch!.Add(target, ct => ActAsync(target, ct));
                _batch.Drain(waitForAll: false, Complete);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            _batch?.Drain(waitForAll: true, Complete);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _batch?.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Writes one finished call's result or error.</summary>
        private void Complete(ResourceTarget target, Task<object?> task)
        {
            if (task.IsFaulted || task.IsCanceled)
            {
                FailTarget(task.Exception?.GetBaseException() ?? new OperationCanceledException(), target);
                return;
            }

            if (task.Result is { } result)
            {
                WriteObject(result, enumerateCollection: true);
            }
        }
    }

    /// <summary>
    /// Base of the batch cmdlets that change a resource (start, stop, restart, pause, unpause, …):
    /// <c>-PassThru</c> emits the resource as it is afterwards, resolved by the engine.
    /// </summary>
    public abstract class ResourceChangeCmdlet<T, TRef> : ResourceActionCmdlet<T, TRef>
        where T : class
        where TRef : class, IResourceReference
    {
        /// <summary>Emit the changed resources.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The change itself, for one resource.</summary>
        protected abstract Task ChangeAsync(ResourceTarget target, CancellationToken cancellation);

        /// <inheritdoc />
        protected sealed override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await ChangeAsync(target, cancellation).ConfigureAwait(false);
            return PassThru ? await RefreshAsync(target, cancellation).ConfigureAwait(false) : null;
        }
    }
}
