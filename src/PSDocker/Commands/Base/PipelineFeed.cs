using System;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.Commands
{
    /// <summary>
    /// Carries what background readers (output, log and progress streams) produce to the pipeline
    /// thread through a blocking queue, so WriteObject/WriteError/WriteProgress only run there. Items
    /// are handed over in arrival order; each reader's end (or failure) is handed over after its items.
    /// Disposing cancels the readers still running.
    /// </summary>
    public sealed class PipelineFeed<T> : IDisposable
    {
        /// <summary>
        /// How many items may wait for the pipeline thread. Bounded, so a fast stream (a million log
        /// lines) feeding a slow pipeline waits instead of filling memory.
        /// </summary>
        private const int Capacity = 8192;

        private readonly BlockingCollection<Event> _events = new BlockingCollection<Event>(Capacity);
        private readonly CancellationTokenSource _cancellation;
        private int _running;

        /// <summary>Creates a feed whose readers stop when <paramref name="cancellation"/> (Ctrl+C) is tripped.</summary>
        public PipelineFeed(CancellationToken cancellation)
        {
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        }

        /// <summary>Readers whose end has not been handed over yet.</summary>
        public int Running => _running;

        /// <summary>Starts a reader on the thread pool; it queues items with the action it is given.</summary>
        public void Start(object key, Func<Action<T>, CancellationToken, Task> read)
        {
            _running++;
            var token = _cancellation.Token;
            Task.Run(async () =>
            {
                Exception? error = null;
                try
                {
                    await read(item => Post(new Event(item, null, null, false)), token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    error = e;
                }

                Post(new Event(default!, key, error, true));
            });
        }

        /// <summary>
        /// Hands items and reader ends to the callbacks on the calling (pipeline) thread. With
        /// <paramref name="wait"/> it blocks until every reader has ended; without, it returns when the
        /// queue is empty. Ctrl+C surfaces as OperationCanceledException.
        /// </summary>
        public void Pump(Action<T> onItem, Action<object, Exception?> onEnded, bool wait)
        {
            while (_running > 0)
            {
                Event e;
                if (wait)
                {
                    e = _events.Take(_cancellation.Token);
                }
                else if (!_events.TryTake(out e))
                {
                    return;
                }

                if (e.Ended)
                {
                    _running--;
                    onEnded(e.Key!, e.Error);
                }
                else
                {
                    onItem(e.Item);
                }
            }
        }

        /// <summary>Runs one reader to its end, handing its items to <paramref name="onItem"/>; rethrows its failure.</summary>
        public void Run(Func<Action<T>, CancellationToken, Task> read, Action<T> onItem)
        {
            Exception? failure = null;
            Start(this, read);
            Pump(onItem, (_, error) => failure = error, wait: true);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        /// <summary>Cancels the readers still running.</summary>
        public void Dispose()
        {
            // Not disposed: readers still winding down may yet read the token.
            _cancellation.Cancel();
            _events.CompleteAdding();
        }

        private void Post(Event e)
        {
            try
            {
                // A reader's end must always arrive, so only items give way to Ctrl+C.
                _events.Add(e, e.Ended ? CancellationToken.None : _cancellation.Token);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // The feed was disposed or cancelled (the command ended): nobody reads any more.
            }
        }

        private readonly struct Event
        {
            public Event(T item, object? key, Exception? error, bool ended)
            {
                Item = item;
                Key = key;
                Error = error;
                Ended = ended;
            }

            public T Item { get; }

            public object? Key { get; }

            public Exception? Error { get; }

            public bool Ended { get; }
        }
    }
}
