using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Durations as compose reads them (compose-go's types.Duration through go-str2duration): Go's
    /// units ns, us (µs), ms, s, m, h plus d (day) and w (week), combined (<c>1m30s</c>, <c>1d12h</c>,
    /// <c>1.5s</c>); <c>0</c> alone is zero; a number without a unit is refused.
    /// </summary>
    internal static class ComposeDuration
    {
        private static readonly Regex Part = new Regex(@"\G([0-9]*\.?[0-9]*)(ns|us|µs|μs|ms|s|m|h|d|w)", RegexOptions.CultureInvariant);

        /// <summary>Parses a duration; false when the text is not one.</summary>
        public static bool TryParse(string? text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            var s = (text ?? string.Empty).Trim();
            var negative = s.StartsWith("-", StringComparison.Ordinal);
            if (negative || s.StartsWith("+", StringComparison.Ordinal))
            {
                s = s.Substring(1);
            }

            if (s == "0")
            {
                return true;
            }

            if (s.Length == 0)
            {
                return false;
            }

            decimal ticks = 0;
            var position = 0;
            while (position < s.Length)
            {
                var match = Part.Match(s, position);
                if (!match.Success || match.Groups[1].Length == 0 || match.Groups[1].Value == "."
                    || !decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                ticks += number * match.Groups[2].Value switch
                {
                    "ns" => 0.01m,
                    "us" or "µs" or "μs" => 10m,
                    "ms" => TimeSpan.TicksPerMillisecond,
                    "s" => TimeSpan.TicksPerSecond,
                    "m" => TimeSpan.TicksPerMinute,
                    "h" => TimeSpan.TicksPerHour,
                    "d" => TimeSpan.TicksPerDay,
                    _ => TimeSpan.TicksPerDay * 7,
                };
                if (ticks > TimeSpan.MaxValue.Ticks)
                {
                    return false;
                }

                position += match.Length;
            }

            duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
            return true;
        }
    }
}
