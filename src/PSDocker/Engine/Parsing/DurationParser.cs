using System;
using System.Globalization;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Parses Go durations as the docker CLI takes them (<c>--since 10m</c>): a sequence of numbers
    /// each with a unit ns, us (or µs), ms, s, m or h — <c>10m</c>, <c>1h30m</c>, <c>1.5h</c>,
    /// <c>300ms</c>; <c>0</c> alone is zero. Compose files (compose-go's types.Duration through
    /// go-str2duration) also take d (day) and w (week): <c>daysAndWeeks</c>.
    /// </summary>
    public static class DurationParser
    {
        /// <summary>Parses a duration; false when the text is not one.</summary>
        public static bool TryParse(string? text, out TimeSpan duration) => TryParse(text, daysAndWeeks: false, out duration);

        /// <summary>Parses a duration, with compose's d and w units when <paramref name="daysAndWeeks"/>; false when the text is not one.</summary>
        public static bool TryParse(string? text, bool daysAndWeeks, out TimeSpan duration)
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

            if (s.Length == 0)
            {
                return false;
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
                    "d" when daysAndWeeks => TimeSpan.TicksPerDay,
                    "w" when daysAndWeeks => TimeSpan.TicksPerDay * 7,
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
