using System;
using System.Management.Automation;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The one reader of the engine's JSON progress streams (pull today; push, build and load use the same
    /// shape): each message is handed over as a <see cref="ProgressMessage"/> on the reading thread as it
    /// arrives, and an error the engine reports inside the stream (unknown manifest, denied, a failing
    /// build step) ends the operation as an <see cref="EngineException"/> once the stream has ended — the
    /// HTTP status was 200 by then, so only the stream says it failed.
    /// </summary>
    public static class ProgressStream
    {
        /// <summary>
        /// Runs a streaming call. <paramref name="describeFailure"/> turns the engine's in-stream error text
        /// into the exception the operation fails with.
        /// </summary>
        internal static async Task RunAsync(Func<IProgress<JSONMessage>, Task> call, Action<ProgressMessage> onMessage, Func<string, EngineException> describeFailure)
        {
            string? streamError = null;
            await call(new SyncProgress<JSONMessage>(message =>
            {
                if (message.Error?.Message is { Length: > 0 } error)
                {
                    streamError ??= error;
                    return;
                }

                onMessage(new ProgressMessage
                {
                    Id = string.IsNullOrEmpty(message.ID) ? null : message.ID,
                    Status = message.Status ?? string.Empty,
                    Current = message.Progress?.Current,
                    Total = message.Progress is { Total: > 0 } p ? p.Total : null,
                    Output = string.IsNullOrEmpty(message.Stream) ? null : message.Stream,
                    AuxId = message.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) ? id?.ToString() : null,
                });
            })).ConfigureAwait(false);

            if (streamError is not null)
            {
                throw describeFailure(streamError);
            }
        }

        /// <summary>The in-stream failure of an operation on one item, with the engine's words.</summary>
        public static EngineException Failure(string what, string reason, string errorId, ErrorCategory category) =>
            new EngineException($"{what}: {reason.Trim().TrimEnd('.')}.", errorId, category);
    }
}
