using System;

namespace PSDocker
{
    /// <summary>
    /// How an interactive session with a container ended (<c>Enter-Container -PassThru</c>,
    /// <c>Connect-Container -PassThru</c>): the process's exit code, or that the session was detached and
    /// the process keeps running.
    /// </summary>
    public sealed class ContainerSessionResult : EngineObject, IContainerReference
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The command of the session: the shell of Enter-Container, the container's own command for Connect-Container.</summary>
        public string[] Command { get; set; } = Array.Empty<string>();

        /// <summary>True when the session ended by the detach keys or Ctrl+C: the process is still running.</summary>
        public bool Detached => ExitCode is null;

        /// <summary>The process's exit code; null when it was detached from and still runs (<see cref="Detached"/>).</summary>
        public long? ExitCode { get; set; }

        string IResourceReference.ResourceId => ContainerId;

        string IResourceReference.ResourceName => ContainerName;

        /// <inheritdoc />
        public override string ToString() => ContainerName + (Detached ? ": detached" : ": exit code " + ExitCode);
    }
}
