using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.Commands
{
    /// <summary>
    /// Runs engine calls with a bounded number in flight (like the docker CLI's parallelOperation) and
    /// hands back their outcomes in submission order, on the caller's (pipeline) thread.
    /// </summary>
    public sealed class OrderedBatch<TItem> : IDisposable
    {
        private readonly Queue<(TItem Item, Task<object?> Task)> _pending = new Queue<(TItem, Task<object?>)>();
        private readonly SemaphoreSlim _slots;
        private readonly CancellationToken _cancellation;

        /// <summary>Creates a batch keeping at most <paramref name="throttleLimit"/> calls in flight.</summary>
        public OrderedBatch(int throttleLimit, CancellationToken cancellation)
        {
            _slots = new SemaphoreSlim(Math.Max(1, throttleLimit));
            _cancellation = cancellation;
        }

        /// <summary>Starts (or queues, when all slots are taken) one call.</summary>
        public void Add(TItem item, Func<CancellationToken, Task<object?>> call) =>
            _pending.Enqueue((item, RunAsync(call)));

        /// <summary>
        /// Hands the finished calls at the head of the queue to <paramref name="complete"/>; with
        /// <paramref name="waitForAll"/>, waits for every call.
        /// </summary>
        public void Drain(bool waitForAll, Action<TItem, Task<object?>> complete)
        {
            while (_pending.Count > 0)
            {
                var head = _pending.Peek();
                if (!head.Task.IsCompleted)
                {
                    if (!waitForAll)
                    {
                        return;
                    }

                    ((IAsyncResult)head.Task).AsyncWaitHandle.WaitOne();
                }

                _pending.Dequeue();
                complete(head.Item, head.Task);
            }
        }

        private async Task<object?> RunAsync(Func<CancellationToken, Task<object?>> call)
        {
            await _slots.WaitAsync(_cancellation).ConfigureAwait(false);
            try
            {
                return await call(_cancellation).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }
        }

        /// <inheritdoc />
        public void Dispose() => _slots.Dispose();
    }
}
