using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSDocker
{
    /// <summary>A container's full record, as <c>docker inspect</c> shows it.</summary>
    public sealed class ContainerDetail : ContainerReference
    {
        /// <summary>When the container was created (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>The image name the container was created from.</summary>
        public string Image { get; set; } = string.Empty;

        /// <summary>The image id.</summary>
        public string ImageId { get; set; } = string.Empty;

        /// <summary>The executable the container runs.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>Its arguments.</summary>
        public string[] Args { get; set; } = Array.Empty<string>();

        /// <summary>Run state: status, pid, exit code, start and finish times.</summary>
        public ContainerStateDetail State { get; set; } = new ContainerStateDetail();

        /// <summary>Exposed and published ports.</summary>
        public PortMapping[] Ports { get; set; } = Array.Empty<PortMapping>();

        /// <summary>Volumes and binds.</summary>
        public MountPoint[] Mounts { get; set; } = Array.Empty<MountPoint>();

        /// <summary>The container's labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>Environment variables (NAME=value).</summary>
        public string[] Environment { get; set; } = Array.Empty<string>();

        /// <summary>Whether the container has a pseudo-terminal (docker run -t).</summary>
        public bool Tty { get; set; }

        /// <summary>Whether the container's stdin stays open (docker run -i).</summary>
        public bool OpenStdin { get; set; }

        /// <summary>The container's hostname.</summary>
        public string Hostname { get; set; } = string.Empty;

        /// <summary>Names of the networks the container is attached to.</summary>
        public string[] Networks { get; set; } = Array.Empty<string>();

        /// <summary>How often the engine restarted it.</summary>
        public long RestartCount { get; set; }

        /// <summary>The addresses the container has, per network.</summary>
        public NetworkAddress[] NetworkAddresses { get; set; } = Array.Empty<NetworkAddress>();

        /// <summary>The memory limit in bytes; 0 when there is none (docker run --memory).</summary>
        public long MemoryLimit { get; set; }

        /// <summary>How many CPUs the container may use; 0 when there is no limit (docker run --cpus).</summary>
        public double Cpus { get; set; }

        /// <summary>When the engine restarts it: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure[:N]</c>.</summary>
        public string RestartPolicy { get; set; } = "no";

        /// <summary>The health check's verdict (healthy, unhealthy, starting); null when it has no health check.</summary>
        public string? Health => State.Health;

        /// <summary>The engine's configuration record (Cmd, Env, Labels, …) as a dictionary with the engine's JSON names; hidden from views, reachable by name.</summary>
        [System.Management.Automation.Hidden]
        public System.Collections.IDictionary? Config => Raw?["Config"] as System.Collections.IDictionary;

        /// <summary>The engine's host configuration record (ports, binds, DNS, limits, …) as a dictionary; hidden from views, reachable by name (<c>$d.HostConfig.Memory</c>).</summary>
        [System.Management.Automation.Hidden]
        public System.Collections.IDictionary? HostConfig => Raw?["HostConfig"] as System.Collections.IDictionary;

        /// <summary>The engine's network settings record (addresses, networks, ports) as a dictionary; hidden from views, reachable by name.</summary>
        [System.Management.Automation.Hidden]
        public System.Collections.IDictionary? NetworkSettings => Raw?["NetworkSettings"] as System.Collections.IDictionary;

        /// <summary>The engine's whole inspect record as nested dictionaries (the engine's JSON names; <c>docker inspect</c>'s shape).</summary>
        [System.Management.Automation.Hidden]
        public System.Collections.IDictionary? Raw => RawRecord?.Value;

        /// <summary>Makes <see cref="Raw"/> when it is first read (the engine layer sets it).</summary>
        internal Lazy<System.Collections.IDictionary?>? RawRecord { get; set; }
    }

    /// <summary>A container's run state (<c>docker inspect -f {{.State}}</c>).</summary>
    public sealed class ContainerStateDetail
    {
        /// <summary>The state.</summary>
        public ContainerState Status { get; set; }

        /// <summary>Whether it runs (also true while paused).</summary>
        public bool Running { get; set; }

        /// <summary>Whether it is paused.</summary>
        public bool Paused { get; set; }

        /// <summary>Whether it is restarting.</summary>
        public bool Restarting { get; set; }

        /// <summary>Whether the kernel's OOM killer ended it.</summary>
        public bool OOMKilled { get; set; }

        /// <summary>Whether it is dead.</summary>
        public bool Dead { get; set; }

        /// <summary>Host process id of its main process (0 when not running).</summary>
        public long Pid { get; set; }

        /// <summary>Exit code of the last run.</summary>
        public long ExitCode { get; set; }

        /// <summary>The engine's error text, if any.</summary>
        public string? Error { get; set; }

        /// <summary>When it last started (local time), or null.</summary>
        public DateTime? StartedAt { get; set; }

        /// <summary>When it last finished (local time), or null.</summary>
        public DateTime? FinishedAt { get; set; }

        /// <summary>Health status (healthy, unhealthy, starting) when a health check is set.</summary>
        public string? Health { get; set; }

        /// <inheritdoc />
        public override string ToString() => Status.ToString();

        /// <summary>Parses an engine RFC 3339 time; the zero time ("0001-01-01…") is null.</summary>
        internal static DateTime? ParseTime(string? text)
        {
            if (string.IsNullOrEmpty(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                || t.Year <= 1)
            {
                return null;
            }

            return t.LocalDateTime;
        }
    }
}
