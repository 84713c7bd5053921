using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The engine's side of a terminal session: the hijacked connection of an exec or attach with a TTY
    /// (raw bytes both ways, nothing multiplexed) and the resize call of its pseudo-terminal.
    /// </summary>
    public sealed class ContainerTerminal : IDisposable
    {
        private readonly MultiplexedStream _stream;
        private readonly string _what;
        private readonly Func<int, int, CancellationToken, Task> _resize;

        internal ContainerTerminal(MultiplexedStream stream, string what, Func<int, int, CancellationToken, Task> resize)
        {
            _stream = stream;
            _what = what;
            _resize = resize;
        }

        /// <summary>
        /// Reads the next output bytes; 0 when the engine ended the stream (the process exited or the
        /// session was detached). Cancelling closes the connection, so a blocked read ends at once.
        /// </summary>
        public async Task<int> ReadOutputAsync(byte[] buffer, CancellationToken cancellation)
        {
            using (cancellation.Register(_stream.Dispose))
            {
                var read = await EngineErrors.ReadStreamAsync(() => _stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation), _what, null, cancellation).ConfigureAwait(false);
                return read.Count;
            }
        }

        /// <summary>Sends typed bytes to the process's input.</summary>
        public Task WriteInputAsync(byte[] buffer, int offset, int count, CancellationToken cancellation) =>
            _stream.WriteAsync(buffer, offset, count, cancellation);

        /// <summary>Closes the process's input: it reads end-of-input.</summary>
        public void CloseInput() => _stream.CloseWrite();

        /// <summary>Sets the size of the pseudo-terminal (<c>POST /exec/{id}/resize</c> or <c>/containers/{id}/resize</c>).</summary>
        public Task ResizeAsync(int width, int height, CancellationToken cancellation) => _resize(width, height, cancellation);

        /// <inheritdoc />
        public void Dispose() => _stream.Dispose();
    }
}
