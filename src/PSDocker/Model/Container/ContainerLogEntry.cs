using System;

namespace PSDocker
{
    /// <summary>One line of a container's log (<c>docker logs</c>).</summary>
    public sealed class ContainerLogEntry : EngineObject, IContainerReference
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

        string IResourceReference.ResourceId => ContainerId;

        string IResourceReference.ResourceName => ContainerName;

        /// <summary>The message text, so log entries read and match (Select-String) like lines.</summary>
        public override string ToString() => Message;
    }
}
