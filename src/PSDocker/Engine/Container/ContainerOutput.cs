using System;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// A container's output stream (attach, exec or logs), read to its end as whole lines per stream as
    /// they complete. Multiplexed frames and raw TTY streams are both handled; a line cut across frames
    /// is joined. A stream the engine drops midway is an <see cref="EngineException"/>
    /// (EngineStreamInterrupted), never a transport's own words.
    /// </summary>
    public sealed class ContainerOutput : IDisposable
    {
        private readonly MultiplexedStream _stream;
        private readonly string _what;

        internal ContainerOutput(MultiplexedStream stream, string what)
        {
            _stream = stream;
            _what = what;
        }

        /// <summary>
        /// Reads until the engine closes the stream. Cancelling closes the stream, so a blocked read ends
        /// at once even on transports that ignore the token.
        /// </summary>
        public async Task ReadLinesAsync(Action<OutputStream, string> onLine, CancellationToken cancellation)
        {
            var stdout = new OutputLineSplitter();
            var stderr = new OutputLineSplitter();
            var buffer = new byte[16384];
            using (cancellation.Register(_stream.Dispose))
            {
                while (true)
                {
                    var read = await EngineErrors.ReadStreamAsync(
                        () => _stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation),
                        _what,
                        "Output may be missing; run the command again.",
                        cancellation).ConfigureAwait(false);

                    if (read.EOF)
                    {
                        break;
                    }

                    var (splitter, which) = read.Target == MultiplexedStream.TargetStream.StandardError
                        ? (stderr, OutputStream.StdErr)
                        : (stdout, OutputStream.StdOut);
                    foreach (var line in splitter.Push(buffer, 0, read.Count))
                    {
                        onLine(which, line);
                    }
                }
            }

            if (stdout.Flush() is { } lastOut)
            {
                onLine(OutputStream.StdOut, lastOut);
            }

            if (stderr.Flush() is { } lastErr)
            {
                onLine(OutputStream.StdErr, lastErr);
            }
        }

        /// <summary>Closes the container's stdin: it reads end-of-input.</summary>
        public void CloseInput() => _stream.CloseWrite();

        /// <inheritdoc />
        public void Dispose() => _stream.Dispose();
    }
}
