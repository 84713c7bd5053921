using System;
using System.Globalization;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The times <c>docker logs --since/--until</c> take and the timestamps the engine puts before log
    /// lines: relative Go durations (<c>10m</c>: ten minutes ago), Unix seconds (<c>1700000000.5</c>),
    /// or dates (<c>2024-05-01T10:00:00Z</c>; without a zone they are local time, as in the CLI).
    /// </summary>
    public static class TimestampParser
    {
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>Parses a time relative to <paramref name="now"/>; false when the text is none of the forms.</summary>
        public static bool TryParse(string? text, DateTime now, out DateTime time)
        {
            time = default;
            var s = (text ?? string.Empty).Trim();
            if (s.Length == 0)
            {
                return false;
            }

            if (DurationParser.TryParse(s, out var ago))
            {
                // A duration longer than the time since year 1 (or before it, when negative) names no time.
                if ((ago > TimeSpan.Zero && ago.Ticks > now.Ticks) || (ago < TimeSpan.Zero && -ago.Ticks > DateTime.MaxValue.Ticks - now.Ticks))
                {
                    return false;
                }

                time = now - ago;
                return true;
            }

            if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                // Unix seconds from 1970 up to the end of year 9999; anything larger is no time.
                if (seconds > (decimal)(DateTime.MaxValue.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond)
                {
                    return false;
                }

                time = Epoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)).ToLocalTime();
                return true;
            }

            if (TryParseRfc3339(s, out time)
                || DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out time))
            {
                time = time.Kind == DateTimeKind.Utc ? time.ToLocalTime() : time;
                return true;
            }

            return false;
        }

        /// <summary>A time as the engine's <c>since</c>/<c>until</c> query wants it: Unix seconds with nanoseconds.</summary>
        public static string ToUnixTimestamp(DateTime time)
        {
            var utc = time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local).ToUniversalTime() : time.ToUniversalTime();
            var ticks = utc.Ticks - Epoch.Ticks;
            var secondsPart = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rest);
            if (rest < 0)
            {
                secondsPart--;
                rest += TimeSpan.TicksPerSecond;
            }

            return secondsPart.ToString(CultureInfo.InvariantCulture) + "." + (rest * 100).ToString("000000000", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Splits the engine's timestamp prefix (<c>2024-05-01T10:00:00.123456789Z message</c>) from a
        /// log line; false (and the line unchanged) when the line has none.
        /// </summary>
        public static bool TrySplitLogLine(string line, out DateTime timestamp, out string message)
        {
            timestamp = default;
            message = line;
            var space = line.IndexOf(' ');
            var stamp = space < 0 ? line : line.Substring(0, space);
            if (!TryParseRfc3339(stamp, out timestamp))
            {
                return false;
            }

            timestamp = timestamp.ToLocalTime();
            message = space < 0 ? string.Empty : RemoveChunkTimestamps(line.Substring(space + 1));
            return true;
        }

        /// <summary>
        /// The engine logs a line longer than 16 KiB as 16 KiB pieces, and with timestamps each piece
        /// starts with its own: joined, the line would carry a timestamp every 16 KiB. This takes out
        /// the timestamps that stand exactly at those piece boundaries (counted in UTF-8 bytes, as the
        /// engine counts), leaving the line as the container wrote it.
        /// </summary>
        public static string RemoveChunkTimestamps(string message)
        {
            const int Piece = 16 * 1024;
            if (message.Length < Piece)
            {
                return message;
            }

            var result = new System.Text.StringBuilder(message.Length);
            var bytes = 0;
            var i = 0;
            while (i < message.Length)
            {
                if (bytes == Piece)
                {
                    bytes = 0;
                    var space = message.IndexOf(' ', i);
                    if (space > i && space - i <= 40 && TryParseRfc3339(message.Substring(i, space - i), out _))
                    {
                        i = space + 1;
                        continue;
                    }
                }

                var c = message[i];
                var pair = char.IsHighSurrogate(c) && i + 1 < message.Length;
                bytes += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                result.Append(message, i, pair ? 2 : 1);
                i += pair ? 2 : 1;
            }

            return result.ToString();
        }

        /// <summary>RFC 3339 with up to nine fraction digits (.NET parses at most seven), as UTC.</summary>
        private static bool TryParseRfc3339(string s, out DateTime time)
        {
            time = default;
            if (s.Length < 20 || s[4] != '-' || s[10] != 'T')
            {
                return false;
            }

            var dot = s.IndexOf('.', 19);
            if (dot == 19)
            {
                var end = dot + 1;
                while (end < s.Length && char.IsDigit(s[end]))
                {
                    end++;
                }

                var fraction = s.Substring(dot + 1, end - dot - 1);
                if (fraction.Length > 7)
                {
                    s = s.Substring(0, dot + 1) + fraction.Substring(0, 7) + s.Substring(end);
                }
            }

            if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var offset))
            {
                return false;
            }

            time = offset.UtcDateTime;
            return true;
        }
    }
}
