using System;
using System.IO;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Watches the keys typed in a terminal session for the detach sequence, as the docker CLI's escape
    /// proxy does: keys that could begin the sequence are held back; when the sequence is complete the
    /// session detaches and the sequence never reaches the container; when a key breaks it, the held keys
    /// are passed on, in order, before that key. With no sequence every key passes.
    /// </summary>
    public sealed class DetachKeyFilter
    {
        private readonly byte[] _keys;
        private int _matched;

        /// <summary>Creates a filter for a sequence (from <see cref="DetachKeys.Parse"/>); empty: never detaches.</summary>
        public DetachKeyFilter(byte[] keys) => _keys = keys ?? Array.Empty<byte>();

        /// <summary>
        /// Passes typed keys through: what may go to the container is written to <paramref name="forward"/>.
        /// Returns true when the detach sequence completed (the keys after it are dropped).
        /// </summary>
        public bool Push(byte[] buffer, int offset, int count, Stream forward)
        {
            if (_keys.Length == 0)
            {
                forward.Write(buffer, offset, count);
                return false;
            }

            for (var i = offset; i < offset + count; i++)
            {
                var key = buffer[i];
                if (key == _keys[_matched])
                {
                    _matched++;
                    if (_matched == _keys.Length)
                    {
                        _matched = 0;
                        return true;
                    }

                    continue;
                }

                // Like the docker CLI, the key that broke the sequence is not taken as a new start.
                forward.Write(_keys, 0, _matched);
                forward.WriteByte(key);
                _matched = 0;
            }

            return false;
        }
    }
}
