using System;

namespace PSDocker
{
    /// <summary>
    /// An engine as <c>docker version</c> and <c>docker info</c> describe it, in one object: the server's
    /// versions and platform, its resources and counts, its registry settings and warnings, and the
    /// client side (the PSDocker version and the endpoint).
    /// </summary>
    public sealed class EngineInfo : EngineObject
    {
        /// <summary>The engine's name (its host name).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The engine's id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The engine's version (<c>20.10.24</c>).</summary>
        public string ServerVersion { get; set; } = string.Empty;

        /// <summary>The newest API version the engine speaks.</summary>
        public Version? ApiVersion { get; set; }

        /// <summary>The oldest API version the engine accepts.</summary>
        public Version? MinimumApiVersion { get; set; }

        /// <summary>The API version PSDocker negotiated with the engine (the one it speaks).</summary>
        public Version? NegotiatedApiVersion { get; set; }

        /// <summary>The git commit the engine was built from.</summary>
        public string GitCommit { get; set; } = string.Empty;

        /// <summary>The Go version the engine was built with.</summary>
        public string GoVersion { get; set; } = string.Empty;

        /// <summary>The engine's OS type (linux, windows).</summary>
        public string OSType { get; set; } = string.Empty;

        /// <summary>The operating system of the engine's host (<c>Debian GNU/Linux 12 (bookworm)</c>).</summary>
        public string OperatingSystem { get; set; } = string.Empty;

        /// <summary>The engine's architecture (x86_64, aarch64).</summary>
        public string Architecture { get; set; } = string.Empty;

        /// <summary>The kernel version of the engine's host.</summary>
        public string KernelVersion { get; set; } = string.Empty;

        /// <summary>The storage driver (overlay2, …).</summary>
        public string StorageDriver { get; set; } = string.Empty;

        /// <summary>The default logging driver.</summary>
        public string LoggingDriver { get; set; } = string.Empty;

        /// <summary>The cgroup driver (cgroupfs, systemd).</summary>
        public string CgroupDriver { get; set; } = string.Empty;

        /// <summary>The cgroup version (1, 2).</summary>
        public string CgroupVersion { get; set; } = string.Empty;

        /// <summary>The engine's root directory.</summary>
        public string DockerRootDir { get; set; } = string.Empty;

        /// <summary>The number of CPUs the engine sees.</summary>
        public long Cpus { get; set; }

        /// <summary>The memory of the engine's host in bytes.</summary>
        public long Memory { get; set; }

        /// <summary>All containers.</summary>
        public long Containers { get; set; }

        /// <summary>Running containers.</summary>
        public long ContainersRunning { get; set; }

        /// <summary>Paused containers.</summary>
        public long ContainersPaused { get; set; }

        /// <summary>Stopped containers.</summary>
        public long ContainersStopped { get; set; }

        /// <summary>Images (as the engine counts them: every image, not every tag).</summary>
        public long Images { get; set; }

        /// <summary>Registry mirrors configured on the engine.</summary>
        public string[] RegistryMirrors { get; set; } = Array.Empty<string>();

        /// <summary>Insecure registries (CIDRs and host names) configured on the engine.</summary>
        public string[] InsecureRegistries { get; set; } = Array.Empty<string>();

        /// <summary>The node's swarm state (inactive, active, pending, error, locked).</summary>
        public string SwarmState { get; set; } = string.Empty;

        /// <summary>Whether experimental features are on.</summary>
        public bool Experimental { get; set; }

        /// <summary>Whether live restore is enabled.</summary>
        public bool LiveRestoreEnabled { get; set; }

        /// <summary>The engine's labels.</summary>
        public string[] Labels { get; set; } = Array.Empty<string>();

        /// <summary>The engine's warnings (as <c>docker info</c> prints them at the end).</summary>
        public string[] Warnings { get; set; } = Array.Empty<string>();

        /// <summary>The PSDocker version (the client side of <c>docker version</c>).</summary>
        public Version? ClientVersion { get; set; }

        /// <summary>The endpoint PSDocker talked to.</summary>
        public Uri? Endpoint { get; set; }

        /// <summary>The docker context the engine was reached through, if any.</summary>
        public string? Context { get; set; }
    }
}
