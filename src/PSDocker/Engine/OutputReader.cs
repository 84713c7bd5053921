using System;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads a container's output stream (attach, exec or logs) to its end and hands over whole lines
    /// per stream as they complete. Multiplexed frames and raw TTY streams are both handled (the
    /// <see cref="MultiplexedStream"/> knows which it is); a line cut across frames is joined.
    /// </summary>
    public static class OutputReader
    {
        /// <summary>
        /// Reads until the engine closes the stream. Cancelling closes the stream, so a blocked read ends
        /// at once even on transports that ignore the token.
        /// </summary>
        public static async Task ReadLinesAsync(MultiplexedStream stream, Action<OutputStream, string> onLine, CancellationToken cancellation)
        {
            var stdout = new OutputLineSplitter();
            var stderr = new OutputLineSplitter();
            var buffer = new byte[16384];
            using (cancellation.Register(stream.Dispose))
            {
                while (true)
                {
                    MultiplexedStream.ReadResult read;
                    try
                    {
                        read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false);
                    }
                    catch (Exception) when (cancellation.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(cancellation);
                    }

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
    }
}
