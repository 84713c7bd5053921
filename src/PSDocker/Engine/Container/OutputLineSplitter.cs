using System;
using System.Collections.Generic;
using System.Text;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Turns one output stream's bytes, in chunks cut anywhere (inside a line or a UTF-8 character),
    /// into whole lines without their line endings (<c>\n</c> or <c>\r\n</c>); or text already decoded,
    /// in pieces cut anywhere (a build's output).
    /// </summary>
    public sealed class OutputLineSplitter
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
        private readonly StringBuilder _line = new StringBuilder();
        private char[] _chars = new char[4096];

        /// <summary>Adds a chunk and returns the lines it completes.</summary>
        public IReadOnlyList<string> Push(byte[] buffer, int offset, int count)
        {
            var needed = _decoder.GetCharCount(buffer, offset, count, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[Math.Max(needed, _chars.Length * 2)];
            }

            var decoded = _decoder.GetChars(buffer, offset, count, _chars, 0, flush: false);
            return Split(_chars, decoded);
        }

        /// <summary>Adds a piece of text and returns the lines it completes.</summary>
        public IReadOnlyList<string> Push(string text) => Split(text.ToCharArray(), text.Length);

        private IReadOnlyList<string> Split(char[] chars, int count)
        {
            List<string>? lines = null;
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                if (chars[i] != '\n')
                {
                    continue;
                }

                _line.Append(chars, start, i - start);
                (lines ??= new List<string>()).Add(TakeLine());
                start = i + 1;
            }

            _line.Append(chars, start, count - start);
            return (IReadOnlyList<string>?)lines ?? Array.Empty<string>();
        }

        /// <summary>At the end of the stream: the last line if it had no line ending, else null.</summary>
        public string? Flush()
        {
            var rest = _decoder.GetCharCount(Array.Empty<byte>(), 0, 0, flush: true);
            if (rest > 0)
            {
                var chars = new char[rest];
                _decoder.GetChars(Array.Empty<byte>(), 0, 0, chars, 0, flush: true);
                _line.Append(chars);
            }

            return _line.Length > 0 ? TakeLine() : null;
        }

        private string TakeLine()
        {
            var length = _line.Length;
            if (length > 0 && _line[length - 1] == '\r')
            {
                length--;
            }

            var line = _line.ToString(0, length);
            _line.Clear();
            return line;
        }
    }
}
