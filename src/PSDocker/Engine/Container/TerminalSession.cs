using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// An interactive session with a process in a container that has a TTY (<c>docker exec -it</c>,
    /// <c>docker attach</c>), as the docker CLI's hijacked streamer runs it: typed bytes go to the process
    /// as they come, through the detach-key watch; its output goes to the terminal as it comes; the
    /// pseudo-terminal gets the window's size at the start and whenever it changes. The session ends when
    /// the process's output ends (it exited), when the detach keys are typed (the process keeps running),
    /// or on cancellation (Ctrl+C of the cmdlet; the process keeps running too).
    /// </summary>
    public sealed class TerminalSession
    {
        private readonly ContainerTerminal _connection;
        private readonly ITerminal _terminal;
        private readonly DetachKeyFilter _filter;

        /// <summary>How often one size is sent before the engine's refusal is taken as final (until the window changes).</summary>
        private const int MaxResizeFailures = 30;

        /// <summary>Creates a session between a container's terminal and the user's.</summary>
        public TerminalSession(ContainerTerminal connection, ITerminal terminal, byte[] detachKeys)
        {
            _connection = connection;
            _terminal = terminal;
            _filter = new DetachKeyFilter(detachKeys);
        }

        /// <summary>How often the window's size is compared with the last one sent (the docker CLI's 250 ms on Windows).</summary>
        public TimeSpan SizePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Send a size one larger before the real one, so a process attached to again redraws its screen
        /// (<c>docker attach</c> does it; the size does not change otherwise).
        /// </summary>
        public bool NudgeSize { get; set; }

        /// <summary>
        /// Runs the session; true when it ended by the detach keys, false when the process's output ended.
        /// Cancellation surfaces as <see cref="OperationCanceledException"/>. When it returns, nothing reads
        /// the terminal any more.
        /// </summary>
        public async Task<bool> RunAsync(CancellationToken cancellation)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var output = CopyOutputAsync(stop.Token);
            var input = CopyInputAsync(stop.Token);
            var size = KeepSizeAsync(stop.Token);
            try
            {
                if (await Task.WhenAny(output, input).ConfigureAwait(false) == input && await input.ConfigureAwait(false))
                {
                    return true;
                }

                // The process exited, or its input ended and its output decides the end.
                await output.ConfigureAwait(false);
                cancellation.ThrowIfCancellationRequested();
                return false;
            }
            finally
            {
                stop.Cancel();
                await Quietly(input).ConfigureAwait(false);
                await Quietly(size).ConfigureAwait(false);
                _connection.Dispose();
                await Quietly(output).ConfigureAwait(false);
            }
        }

        private async Task CopyOutputAsync(CancellationToken cancellation)
        {
            var buffer = new byte[16384];
            while (true)
            {
                var count = await _connection.ReadOutputAsync(buffer, cancellation).ConfigureAwait(false);
                if (count == 0)
                {
                    return;
                }

                _terminal.WriteOutput(buffer, 0, count);
            }
        }

        /// <summary>Copies typed bytes; true when the detach keys were typed, false when input ended.</summary>
        private async Task<bool> CopyInputAsync(CancellationToken cancellation)
        {
            var buffer = new byte[4096];
            var forward = new MemoryStream();
            while (true)
            {
                var count = await _terminal.ReadInputAsync(buffer, cancellation).ConfigureAwait(false);
                if (count == 0)
                {
                    _connection.CloseInput();
                    return false;
                }

                forward.SetLength(0);
                var detached = _filter.Push(buffer, 0, count, forward);
                if (forward.Length > 0)
                {
                    try
                    {
                        await _connection.WriteInputAsync(forward.GetBuffer(), 0, (int)forward.Length, cancellation).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!cancellation.IsCancellationRequested && (e is IOException or ObjectDisposedException or InvalidOperationException))
                    {
                        // The connection is closing (the process exited): its output says how it ended.
                        await Task.Delay(Timeout.Infinite, cancellation).ConfigureAwait(false);
                    }
                }

                if (detached)
                {
                    return true;
                }
            }
        }

        private async Task KeepSizeAsync(CancellationToken cancellation)
        {
            var sent = (Width: 0, Height: 0);
            var seen = sent;
            var failures = 0;
            var nudge = NudgeSize;
            while (true)
            {
                var now = _terminal.Size;
                if (now != seen)
                {
                    seen = now;
                    failures = 0;
                }

                if (now != sent && now.Width > 0 && now.Height > 0 && failures < MaxResizeFailures)
                {
                    if (nudge)
                    {
                        nudge = false;
                        await TryResizeAsync(now.Width + 1, now.Height + 1, cancellation).ConfigureAwait(false);
                    }

                    if (await TryResizeAsync(now.Width, now.Height, cancellation).ConfigureAwait(false))
                    {
                        sent = now;
                    }
                    else
                    {
                        failures++;
                    }
                }

                // The process may not have its terminal yet when the session starts: like the docker CLI,
                // try again soon, a little later each time; then follow the window.
                var retry = now != sent && failures is > 0 and < MaxResizeFailures;
                await Task.Delay(retry ? TimeSpan.FromMilliseconds(Math.Min(failures * 10, 250)) : SizePollInterval, cancellation).ConfigureAwait(false);
            }
        }

        private async Task<bool> TryResizeAsync(int width, int height, CancellationToken cancellation)
        {
            try
            {
                await _connection.ResizeAsync(width, height, cancellation).ConfigureAwait(false);
                return true;
            }
            catch (EngineException)
            {
                // As with the docker CLI, a size the engine refuses leaves the terminal at its size.
                return false;
            }
        }

        private static async Task Quietly(Task task)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Ended by the session's end; the outcome was taken from the task that ended it.
            }
        }
    }
}
