using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// A read-only stream whose bytes a producer writes on another thread while the reader uploads them:
    /// the build context's tar goes to the engine as it is made, a few chunks at a time, never whole in
    /// memory. The producer waits while the reader is behind; Ctrl+C or disposing stops both. A failure of
    /// the producer fails the reader's next read and is kept in <see cref="ProducerFailure"/>.
    /// </summary>
    internal sealed class ContextUploadStream : Stream
    {
        private const int ChunkSize = 64 * 1024;
        private const int ChunksAhead = 8;

        private readonly BlockingCollection<byte[]> _chunks = new BlockingCollection<byte[]>(ChunksAhead);
        private readonly CancellationTokenSource _stop;
        private readonly Task _producer;
        private byte[]? _current;
        private int _offset;
        private bool _disposed;

        /// <summary>Starts <paramref name="produce"/> on its own thread, writing into the stream.</summary>
        public ContextUploadStream(Action<Stream, CancellationToken> produce, CancellationToken cancellation)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            var token = _stop.Token;
            _producer = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        using var writer = new ChunkWriter(this, token);
                        produce(writer, token);
                        writer.Flush();
                    }
                    catch (Exception e) when (!(e is OperationCanceledException && token.IsCancellationRequested))
                    {
                        ProducerFailure = e;
                    }
                    catch (OperationCanceledException)
                    {
                        // The reader stopped: nothing more to produce.
                    }
                    finally
                    {
                        _chunks.CompleteAdding();
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        /// <summary>What made the producer fail, or null.</summary>
        public Exception? ProducerFailure { get; private set; }

        /// <summary>How many bytes have been read so far.</summary>
        public long BytesRead { get; private set; }

        /// <inheritdoc />
        public override bool CanRead => true;

        /// <inheritdoc />
        public override bool CanSeek => false;

        /// <inheritdoc />
        public override bool CanWrite => false;

        /// <inheritdoc />
        public override long Length => throw new NotSupportedException();

        /// <inheritdoc />
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_current is null || _offset == _current.Length)
            {
                byte[] next;
                try
                {
                    if (!_chunks.TryTake(out next, Timeout.Infinite, _stop.Token))
                    {
                        next = null!;
                    }
                }
                catch (InvalidOperationException)
                {
                    next = null!; // completed while waiting
                }

                if (next is null)
                {
                    if (ProducerFailure is not null)
                    {
                        throw new IOException("The build context could not be read: " + ProducerFailure.Message, ProducerFailure);
                    }

                    _stop.Token.ThrowIfCancellationRequested();
                    return 0;
                }

                _current = next;
                _offset = 0;
            }

            var n = Math.Min(count, _current.Length - _offset);
            Buffer.BlockCopy(_current, _offset, buffer, offset, n);
            _offset += n;
            BytesRead += n;
            return n;
        }

        /// <inheritdoc />
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.Run(() => Read(buffer, offset, count), cancellationToken);

        /// <inheritdoc />
        public override void Flush()
        {
        }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        /// <inheritdoc />
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <inheritdoc />
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            // The HTTP content disposes the stream once sent, and the caller once more.
            if (disposing && !_disposed)
            {
                _disposed = true;
                _stop.Cancel();
                try
                {
                    _producer.Wait(TimeSpan.FromSeconds(5));
                }
                catch (AggregateException)
                {
                    // Its failure is kept in ProducerFailure.
                }

                _chunks.Dispose();
                _stop.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>The producer's side: cuts what is written into chunks and hands them over.</summary>
        private sealed class ChunkWriter : Stream
        {
            private readonly ContextUploadStream _owner;
            private readonly CancellationToken _token;
            private byte[] _buffer = new byte[ChunkSize];
            private int _filled;

            public ChunkWriter(ContextUploadStream owner, CancellationToken token)
            {
                _owner = owner;
                _token = token;
            }

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                while (count > 0)
                {
                    var n = Math.Min(count, _buffer.Length - _filled);
                    Buffer.BlockCopy(buffer, offset, _buffer, _filled, n);
                    _filled += n;
                    offset += n;
                    count -= n;
                    if (_filled == _buffer.Length)
                    {
                        Hand();
                    }
                }
            }

            public override void Flush()
            {
                if (_filled > 0)
                {
                    var last = new byte[_filled];
                    Buffer.BlockCopy(_buffer, 0, last, 0, _filled);
                    _owner._chunks.Add(last, _token);
                    _filled = 0;
                }
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            private void Hand()
            {
                _owner._chunks.Add(_buffer, _token);
                _buffer = new byte[ChunkSize];
                _filled = 0;
            }
        }
    }
}
