using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSDocker
{
    /// <summary>Human text for views only (relative times, sizes, port lists); objects keep real values.</summary>
    public static class DisplayText
    {
        /// <summary>"3 minutes ago", like the docker CLI's CREATED column.</summary>
        public static string Ago(DateTime time) => Ago(time, DateTime.Now);

        /// <summary>Relative time against a given now (for tests).</summary>
        public static string Ago(DateTime time, DateTime now)
        {
            var span = now - time;
            if (span < TimeSpan.FromSeconds(1))
            {
                return "Less than a second ago";
            }

            return HumanDuration(span) + " ago";
        }

        /// <summary>The docker CLI's human duration ("About a minute", "3 hours", "2 weeks").</summary>
        public static string HumanDuration(TimeSpan d)
        {
            var seconds = (long)d.TotalSeconds;
            if (seconds < 1) return "Less than a second";
            if (seconds == 1) return "1 second";
            if (seconds < 60) return seconds + " seconds";
            var minutes = (long)d.TotalMinutes;
            if (minutes == 1) return "About a minute";
            if (minutes < 60) return minutes + " minutes";
            var hours = (long)Math.Round(d.TotalHours);
            if (hours == 1) return "About an hour";
            if (hours < 48) return hours + " hours";
            if (hours < 24 * 7 * 2) return (hours / 24) + " days";
            if (hours < 24 * 30 * 2) return (hours / 24 / 7) + " weeks";
            if (hours < 24 * 365 * 2) return (hours / 24 / 30) + " months";
            return (hours / 24 / 365) + " years";
        }

        /// <summary>
        /// The STATUS column: the engine's own status text, which is the docker CLI's ("Up 2 minutes",
        /// "Exited (0) 3 hours ago", "Created", "Up 5 minutes (Paused)"); the state word when the engine
        /// gave none.
        /// </summary>
        public static string Status(Container? container) =>
            container is null ? string.Empty
            : !string.IsNullOrWhiteSpace(container.Status) ? container.Status
            : container.State == ContainerState.Unknown ? string.Empty
            : container.State.ToString();

        /// <summary>A container's image as <c>docker ps</c> shows it: the reference, or the short id when the engine gives a bare id (the image lost its tag).</summary>
        public static string Image(string? image) =>
            image is null ? string.Empty : image.StartsWith("sha256:", System.StringComparison.Ordinal) ? ResourceIds.Short(image) : image;

        /// <summary>Ports joined the way <c>docker ps</c> shows them.</summary>
        public static string Ports(IEnumerable<PortMapping>? ports) =>
            ports is null ? string.Empty : string.Join(", ", ports.Select(p => p.ToString()));

        /// <summary>A command cut to <paramref name="width"/> characters, quoted like <c>docker ps</c>.</summary>
        public static string Command(string? command, int width = 20)
        {
            var c = command ?? string.Empty;
            if (c.Length > width)
            {
                c = c.Substring(0, width - 1) + "…";
            }

            return "\"" + c + "\"";
        }

        /// <summary>Bytes as the docker CLI prints them (1.2MB, 5.3GB: decimal units).</summary>
        public static string Size(long bytes)
        {
            string[] units = { "B", "kB", "MB", "GB", "TB", "PB" };
            double value = bytes;
            var unit = 0;
            while (value >= 1000 && unit < units.Length - 1)
            {
                value /= 1000;
                unit++;
            }

            return value.ToString(unit == 0 ? "0" : "0.##", CultureInfo.InvariantCulture) + units[unit];
        }
    }
}
