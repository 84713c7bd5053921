using System;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Hands each report to an action on the reporting thread, in order (<see cref="Progress{T}"/> would
    /// post it to the thread pool or a synchronization context): for the client library's streamed
    /// answers (progress, build lines, events, stats).
    /// </summary>
    public sealed class SyncProgress<T> : IProgress<T>
    {
        private readonly Action<T> _report;

        /// <summary>Reports to <paramref name="report"/>.</summary>
        public SyncProgress(Action<T> report) => _report = report;

        /// <inheritdoc />
        public void Report(T value) => _report(value);
    }
}
