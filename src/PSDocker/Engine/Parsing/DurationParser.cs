using System;
using System.Globalization;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Parses Go durations as the docker CLI takes them (<c>--since 10m</c>): a sequence of numbers
    /// each with a unit ns, us (or µs), ms, s, m or h — <c>10m</c>, <c>1h30m</c>, <c>1.5h</c>,
    /// <c>300ms</c>; <c>0</c> alone is zero.
    /// </summary>
    public static class DurationParser
    {
        /// <summary>Parses a duration; false when the text is not one.</summary>
        public static bool TryParse(string? text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            var s = (text ?? string.Empty).Trim();
            if (s.Length == 0)
            {
                return false;
            }

            var negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                s = s.Substring(1);
            }

            if (s == "0")
            {
                return true;
            }

            decimal ticks = 0;
            var i = 0;
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                if (!decimal.TryParse(s.Substring(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                var unitStart = i;
                while (i < s.Length && !char.IsDigit(s[i]) && s[i] != '.')
                {
                    i++;
                }

                decimal? ticksPerUnit = s.Substring(unitStart, i - unitStart) switch
                {
                    "ns" => 0.01m,
                    "us" or "µs" or "μs" => 10m,
                    "ms" => TimeSpan.TicksPerMillisecond,
                    "s" => TimeSpan.TicksPerSecond,
                    "m" => TimeSpan.TicksPerMinute,
                    "h" => TimeSpan.TicksPerHour,
                    _ => null,
                };
                if (ticksPerUnit is null)
                {
                    return false;
                }

                ticks += number * ticksPerUnit.Value;
                if (ticks > TimeSpan.MaxValue.Ticks)
                {
                    return false;
                }
            }

            duration = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
            return true;
        }
    }
}
