using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The container records of the engine's API, turned into PSDocker's objects. Engine-side: the
    /// model types know nothing of Docker.DotNet.
    /// </summary>
    internal static class ContainerRecords
    {
        /// <summary>Builds a container from the engine's listing record.</summary>
        internal static Container ToContainer(ContainerListResponse r, Engine engine)
        {
            var names = r.Names?.Select(Container.TrimName).ToArray() ?? Array.Empty<string>();
            return new Container
            {
                Engine = engine,
                Id = r.ID,
                // Links add names with a '/' inside ("other/alias"); the primary name has none.
                Name = names.FirstOrDefault(n => n.IndexOf('/') < 0) ?? names.FirstOrDefault() ?? string.Empty,
                Names = names,
                Image = r.Image,
                ImageId = r.ImageID,
                Command = r.Command,
                Created = r.Created.ToLocalTime(),
                State = ContainerStates.Parse(r.State),
                Status = r.Status,
                Ports = ToPorts(r.Ports),
                Labels = r.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Labels),
                Mounts = ToMounts(r.Mounts),
                Networks = r.NetworkSettings?.Networks?.Keys.ToArray() ?? Array.Empty<string>(),
                RawRecord = RawRecords.Later(r),
            };
        }

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
        internal static ContainerDetail ToDetail(ContainerInspectResponse r, Engine engine) => new ContainerDetail
        {
            Engine = engine,
            Id = r.ID,
            Name = Container.TrimName(r.Name),
            Created = r.Created.ToLocalTime(),
            Image = r.Config?.Image ?? r.Image,
            ImageId = r.Image,
            Path = r.Path ?? string.Empty,
            Args = r.Args?.ToArray() ?? Array.Empty<string>(),
            State = ToState(r.State),
            Ports = ToPorts(r.NetworkSettings?.Ports),
            Mounts = ToMounts(r.Mounts),
            Labels = r.Config?.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Config.Labels),
            Environment = r.Config?.Env?.ToArray() ?? Array.Empty<string>(),
            Hostname = r.Config?.Hostname ?? string.Empty,
            Tty = r.Config?.Tty ?? false,
            OpenStdin = r.Config?.OpenStdin ?? false,
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
            RawRecord = RawRecords.Later(r),
        };

        internal static ContainerStateDetail ToState(State? s) => s is null
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
                StartedAt = ContainerStateDetail.ParseTime(s.StartedAt),
                FinishedAt = ContainerStateDetail.ParseTime(s.FinishedAt),
                Health = s.Health?.Status,
            };

        internal static MountPoint[] ToMounts(IEnumerable<Docker.DotNet.Models.MountPoint>? mounts) =>
            mounts is null
                ? Array.Empty<MountPoint>()
                : mounts.Select(m => new MountPoint
                {
                    Type = m.Type ?? string.Empty,
                    Name = string.IsNullOrEmpty(m.Name) ? null : m.Name,
                    Source = m.Source ?? string.Empty,
                    Destination = m.Destination ?? string.Empty,
                    Driver = string.IsNullOrEmpty(m.Driver) ? null : m.Driver,
                    Mode = m.Mode ?? string.Empty,
                    ReadWrite = m.RW,
                    Propagation = string.IsNullOrEmpty(m.Propagation) ? null : m.Propagation,
                }).ToArray();

        internal static PortMapping[] ToPorts(IEnumerable<Docker.DotNet.Models.PortSummary>? ports) =>
            ports is null
                ? Array.Empty<PortMapping>()
                : PortMapping.Sort(ports.Select(p => new PortMapping(p.IP, p.PublicPort, p.PrivatePort, p.Type)));

        internal static PortMapping[] ToPorts(IDictionary<string, IList<Docker.DotNet.Models.PortBinding>>? ports)
        {
            if (ports is null)
            {
                return Array.Empty<PortMapping>();
            }

            var result = new List<PortMapping>();
            foreach (var pair in ports)
            {
                var parts = pair.Key.Split('/');
                if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
                {
                    continue;
                }

                var protocol = parts.Length > 1 ? parts[1] : "tcp";
                if (pair.Value is null || pair.Value.Count == 0)
                {
                    result.Add(new PortMapping(null, null, containerPort, protocol));
                    continue;
                }

                foreach (var binding in pair.Value)
                {
                    int? hostPort = int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hp) ? hp : (int?)null;
                    result.Add(new PortMapping(binding.HostIP, hostPort, containerPort, protocol));
                }
            }

            return PortMapping.Sort(result);
        }
    }
}
