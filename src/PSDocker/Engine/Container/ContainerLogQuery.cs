using System;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>What <c>docker logs</c> asks for.</summary>
    public sealed class ContainerLogQuery
    {
        /// <summary>Keep streaming new output until the container stops (<c>-f</c>).</summary>
        public bool Follow { get; set; }

        /// <summary>Only the last N lines (null: all).</summary>
        public int? Tail { get; set; }

        /// <summary>Only lines logged at or after this time.</summary>
        public DateTime? Since { get; set; }

        /// <summary>Only lines logged before this time.</summary>
        public DateTime? Until { get; set; }

        /// <summary>Prefix each line with the engine's timestamp.</summary>
        public bool Timestamps { get; set; }

        /// <summary>Include stdout.</summary>
        public bool StdOut { get; set; } = true;

        /// <summary>Include stderr.</summary>
        public bool StdErr { get; set; } = true;

        /// <summary>The engine's query parameters.</summary>
        internal ContainerLogsParameters ToParameters() => new ContainerLogsParameters
        {
            Follow = Follow,
            Tail = Tail.HasValue ? Tail.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "all",
            Since = Since.HasValue ? TimestampParser.ToUnixTimestamp(Since.Value) : null,
            Until = Until.HasValue ? TimestampParser.ToUnixTimestamp(Until.Value) : null,
            Timestamps = Timestamps,
            ShowStdout = StdOut,
            ShowStderr = StdErr,
        };
    }
}
