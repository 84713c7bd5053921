using System;

namespace PSDocker
{
    /// <summary>Which output stream a line came from.</summary>
    public enum OutputStream
    {
        /// <summary>Standard output.</summary>
        StdOut,

        /// <summary>Standard error.</summary>
        StdErr,
    }

    /// <summary>One line of a container's log (<c>docker logs</c>).</summary>
    public sealed class ContainerLogEntry : EngineObject
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>stdout or stderr (stdout for containers with a TTY).</summary>
        public OutputStream Stream { get; set; }

        /// <summary>When the engine logged the line (local time); null unless -Timestamps was given.</summary>
        public DateTime? Timestamp { get; set; }

        /// <summary>The text, without its line ending.</summary>
        public string Message { get; set; } = string.Empty;

        /// <summary>The message text, so log entries read and match (Select-String) like lines.</summary>
        public override string ToString() => Message;
    }

    /// <summary>How a command run in a container ended (<c>docker run</c>, <c>docker exec</c>).</summary>
    public sealed class ExecResult : EngineObject
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The command that ran.</summary>
        public string[] Command { get; set; } = Array.Empty<string>();

        /// <summary>Its exit code.</summary>
        public long ExitCode { get; set; }

        /// <inheritdoc />
        public override string ToString() => ContainerName + ": exit code " + ExitCode;
    }

    /// <summary>What a prune removed and the disk space it gave back.</summary>
    public sealed class PruneResult : EngineObject
    {
        /// <summary>The kind of resource pruned (Container, Image, …).</summary>
        public string ResourceType { get; set; } = string.Empty;

        /// <summary>Ids of what was removed.</summary>
        public string[] Deleted { get; set; } = Array.Empty<string>();

        /// <summary>Bytes reclaimed.</summary>
        public long SpaceReclaimed { get; set; }
    }
}
