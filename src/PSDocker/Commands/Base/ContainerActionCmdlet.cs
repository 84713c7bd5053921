using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of cmdlets that do one engine call per container (start, stop, remove, inspect, …): asks
    /// ShouldProcess on the pipeline thread, keeps up to <see cref="ThrottleLimit"/> calls in flight and
    /// writes results and errors in input order.
    /// </summary>
    public abstract class ContainerActionCmdlet : ContainerCmdlet
    {
        private OrderedBatch<ContainerTarget>? _batch;

        /// <summary>How many engine calls may be in flight at once (the docker CLI keeps 50).</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = 50;

        /// <summary>The -WhatIf/-Confirm action text ("Stop", "Remove"); null for cmdlets that change nothing.</summary>
        protected abstract string? ShouldProcessAction { get; }

        /// <summary>The engine call for one container; its result (or null) is written to the pipeline.</summary>
        protected abstract Task<object?> ActAsync(ContainerTarget target, CancellationToken cancellation);

        /// <inheritdoc />
        protected override void Begin()
        {
            _batch = new OrderedBatch<ContainerTarget>(ThrottleLimit, CancellationToken);
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

        /// <summary>Writes one finished call's result or error.</summary>
        protected virtual void Complete(ContainerTarget target, Task<object?> task)
        {
            if (task.IsFaulted || task.IsCanceled)
            {
                var error = task.Exception?.GetBaseException() ?? (Exception)new OperationCanceledException();
                WriteContainerError(error, target);
                return;
            }

            if (task.Result is { } result)
            {
                WriteObject(result, enumerateCollection: true);
            }
        }
    }
}
