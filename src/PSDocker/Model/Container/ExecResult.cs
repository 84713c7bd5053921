using System;

namespace PSDocker
{
    /// <summary>How a command run in a container ended (<c>docker run</c>, <c>docker exec</c>, <c>docker wait</c>).</summary>
    public sealed class ExecResult : EngineObject, IContainerReference
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The command that ran.</summary>
        public string[] Command { get; set; } = Array.Empty<string>();

        /// <summary>Its exit code.</summary>
        public long ExitCode { get; set; }

        string IResourceReference.ResourceId => ContainerId;

        string IResourceReference.ResourceName => ContainerName;

        /// <inheritdoc />
        public override string ToString() => ContainerName + ": exit code " + ExitCode;
    }
}
