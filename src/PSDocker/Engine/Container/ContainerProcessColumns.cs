using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads one row of <c>docker top</c> (the engine runs ps on the host and splits its columns) into a
    /// <see cref="ContainerProcess"/>: the <c>ps -ef</c> columns as typed properties, every column by title.
    /// </summary>
    public static class ContainerProcessColumns
    {
        /// <summary>A process from the titles and the values of one row.</summary>
        public static ContainerProcess ToProcess(IReadOnlyList<string> titles, IReadOnlyList<string> values, Engine engine, string containerId, string containerName)
        {
            var columns = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < titles.Count && i < values.Count; i++)
            {
                if (!columns.Contains(titles[i]))
                {
                    columns.Add(titles[i], values[i]);
                }
            }

            string? Text(params string[] names)
            {
                foreach (var name in names)
                {
                    if (columns[name] is string value)
                    {
                        return value;
                    }
                }

                return null;
            }

            return new ContainerProcess
            {
                Engine = engine,
                ContainerId = containerId,
                ContainerName = containerName,
                Uid = Text("UID"),
                Pid = Number(Text("PID")),
                Ppid = Number(Text("PPID")),
                C = Number(Text("C")),
                STime = Text("STIME"),
                Tty = Text("TTY", "TT"),
                Time = ParseTime(Text("TIME")),
                Command = Text("CMD", "COMMAND", "ARGS"),
                Columns = columns,
            };
        }

        /// <summary>ps's TIME: <c>[[dd-]hh:]mm:ss</c>; null when it is not one.</summary>
        public static TimeSpan? ParseTime(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var days = 0;
            var rest = text!;
            var dash = rest.IndexOf('-');
            if (dash > 0)
            {
                if (!int.TryParse(rest.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out days))
                {
                    return null;
                }

                rest = rest.Substring(dash + 1);
            }

            var parts = rest.Split(':');
            if (parts.Length is < 2 or > 3)
            {
                return null;
            }

            var numbers = new int[3];
            var offset = 3 - parts.Length;
            for (var i = 0; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[offset + i]))
                {
                    return null;
                }
            }

            return new TimeSpan(days, numbers[0], numbers[1], numbers[2]);
        }

        private static int? Number(string? text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
    }
}
