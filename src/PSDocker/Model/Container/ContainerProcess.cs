using System;
using System.Collections.Specialized;

namespace PSDocker
{
    /// <summary>
    /// One process running in a container, as <c>docker top</c> lists it. The default <c>ps -ef</c>
    /// columns are typed properties; every column the engine returned (also those of other
    /// <c>-PsArgs</c>) is in <see cref="Columns"/>, by its title.
    /// </summary>
    public sealed class ContainerProcess : EngineObject
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The user the process runs as (UID column: a name, or a number when the host has no name for it).</summary>
        public string? Uid { get; set; }

        /// <summary>The process id on the host (PID column).</summary>
        public int? Pid { get; set; }

        /// <summary>The parent's process id on the host (PPID column).</summary>
        public int? Ppid { get; set; }

        /// <summary>Processor use in percent over the process's life, as ps rounds it (C column).</summary>
        public int? C { get; set; }

        /// <summary>When the process started, as ps prints it (STIME column: a time today, else a date).</summary>
        public string? STime { get; set; }

        /// <summary>The process's terminal (TTY column; <c>?</c> when none).</summary>
        public string? Tty { get; set; }

        /// <summary>Processor time used (TIME column).</summary>
        public TimeSpan? Time { get; set; }

        /// <summary>The command line (CMD column, or COMMAND/ARGS for other -PsArgs).</summary>
        public string? Command { get; set; }

        /// <summary>Every column by its title, in the engine's order (<c>$p.Columns['%CPU']</c> with <c>-PsArgs aux</c>).</summary>
        public OrderedDictionary Columns { get; set; } = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);

        /// <summary>The command line, so processes read like <c>docker top</c>'s last column.</summary>
        public override string ToString() => Command ?? string.Empty;
    }
}
