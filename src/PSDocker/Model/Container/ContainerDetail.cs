using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

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

        /// <summary>The engine's configuration record (Cmd, Env, Labels, …); hidden from views, reachable by name.</summary>
        [System.Management.Automation.Hidden]
        public ContainerConfig? Config { get; set; }

        /// <summary>The engine's host configuration record (ports, binds, DNS, limits, …); hidden from views, reachable by name.</summary>
        [System.Management.Automation.Hidden]
        public HostConfig? HostConfig { get; set; }

        /// <summary>The engine's network settings record (addresses, networks, ports); hidden from views, reachable by name.</summary>
        [System.Management.Automation.Hidden]
        public NetworkSettings? NetworkSettings { get; set; }

        /// <summary>The engine's whole inspect record.</summary>
        [System.Management.Automation.Hidden]
        public ContainerInspectResponse? Raw { get; set; }

        private static string RestartPolicyText(RestartPolicy? policy)
        {
            var name = policy?.Name switch
            {
                RestartPolicyKind.Always => "always",
                RestartPolicyKind.UnlessStopped => "unless-stopped",
                RestartPolicyKind.OnFailure => "on-failure",
                _ => "no",
            };
            return name == "on-failure" && policy!.MaximumRetryCount > 0 ? name + ":" + policy.MaximumRetryCount.ToString(CultureInfo.InvariantCulture) : name;
        }

        /// <summary>Builds the detail object from the engine's inspect record.</summary>
        public static ContainerDetail From(ContainerInspectResponse r, Engine engine) => new ContainerDetail
        {
            Engine = engine,
            Id = r.ID,
            Name = TrimName(r.Name),
            Created = r.Created.ToLocalTime(),
            Image = r.Config?.Image ?? r.Image,
            ImageId = r.Image,
            Path = r.Path ?? string.Empty,
            Args = r.Args?.ToArray() ?? Array.Empty<string>(),
            State = ContainerStateDetail.From(r.State),
            Ports = PortMapping.FromBindings(r.NetworkSettings?.Ports),
            Mounts = MountPoint.From(r.Mounts),
            Labels = r.Config?.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Config.Labels),
            Environment = r.Config?.Env?.ToArray() ?? Array.Empty<string>(),
            Hostname = r.Config?.Hostname ?? string.Empty,
            Networks = r.NetworkSettings?.Networks?.Keys.ToArray() ?? Array.Empty<string>(),
            RestartCount = r.RestartCount,
            NetworkAddresses = r.NetworkSettings?.Networks?.Select(n => new NetworkAddress
            {
                Network = n.Key,
                IPAddress = n.Value?.IPAddress ?? string.Empty,
                PrefixLength = n.Value?.IPPrefixLen ?? 0,
                Gateway = n.Value?.Gateway ?? string.Empty,
                GlobalIPv6Address = n.Value?.GlobalIPv6Address ?? string.Empty,
                MacAddress = n.Value?.MacAddress ?? string.Empty,
                Aliases = n.Value?.Aliases?.ToArray() ?? Array.Empty<string>(),
            }).ToArray() ?? Array.Empty<NetworkAddress>(),
            MemoryLimit = r.HostConfig?.Memory ?? 0,
            Cpus = (r.HostConfig?.NanoCPUs ?? 0) / 1e9,
            RestartPolicy = RestartPolicyText(r.HostConfig?.RestartPolicy),
            Config = r.Config,
            HostConfig = r.HostConfig,
            NetworkSettings = r.NetworkSettings,
            Raw = r,
        };
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

        internal static ContainerStateDetail From(State? s) => s is null
            ? new ContainerStateDetail { Status = ContainerState.Unknown }
            : new ContainerStateDetail
            {
                Status = ContainerStates.Parse(s.Status),
                Running = s.Running,
                Paused = s.Paused,
                Restarting = s.Restarting,
                OOMKilled = s.OOMKilled,
                Dead = s.Dead,
                Pid = s.Pid,
                ExitCode = s.ExitCode,
                Error = string.IsNullOrEmpty(s.Error) ? null : s.Error,
                StartedAt = ParseTime(s.StartedAt),
                FinishedAt = ParseTime(s.FinishedAt),
                Health = s.Health?.Status,
            };

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
