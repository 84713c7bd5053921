using System;

namespace PSDocker
{
    /// <summary>
    /// One sample of a container's resource use, as <c>docker stats</c> shows it and computed the way the
    /// docker CLI computes it: CPU percent over the interval between two engine samples, memory without
    /// the inactive page cache, network and block I/O summed over all interfaces and devices.
    /// </summary>
    public sealed class ContainerStatistics : EngineObject, IContainerReference
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The first 12 characters of the id, as the docker CLI shows it.</summary>
        public string ShortId => ResourceIds.Short(ContainerId);

        /// <summary>When the engine took the sample (local time).</summary>
        public DateTime Read { get; set; }

        /// <summary>CPU use in percent of one CPU (200 is two CPUs busy), over the interval since the previous sample.</summary>
        public double CpuPercent { get; set; }

        /// <summary>Memory used in bytes, without the inactive file cache (docker stats' MEM USAGE).</summary>
        public long MemoryUsage { get; set; }

        /// <summary>The memory limit in bytes (the host's memory when the container has no limit).</summary>
        public long MemoryLimit { get; set; }

        /// <summary>Memory used in percent of the limit.</summary>
        public double MemoryPercent { get; set; }

        /// <summary>Bytes received over all the container's network interfaces.</summary>
        public long NetworkReceived { get; set; }

        /// <summary>Bytes sent over all the container's network interfaces.</summary>
        public long NetworkSent { get; set; }

        /// <summary>Bytes read from block devices.</summary>
        public long BlockRead { get; set; }

        /// <summary>Bytes written to block devices.</summary>
        public long BlockWritten { get; set; }

        /// <summary>How many processes and threads the container runs.</summary>
        public long Pids { get; set; }

        string IResourceReference.ResourceId => ContainerId;

        string IResourceReference.ResourceName => ContainerName;
    }
}
