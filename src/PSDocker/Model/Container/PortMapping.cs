using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSDocker
{
    /// <summary>A container port and, when published, the host address it is published on.</summary>
    public sealed class PortMapping
    {
        /// <summary>Creates a port mapping.</summary>
        public PortMapping(string? hostIp, int? hostPort, int containerPort, string protocol)
        {
            HostIp = string.IsNullOrEmpty(hostIp) ? null : hostIp;
            HostPort = hostPort;
            ContainerPort = containerPort;
            Protocol = string.IsNullOrEmpty(protocol) ? "tcp" : protocol.ToLowerInvariant();
        }

        /// <summary>Host address the port is published on (null when not published).</summary>
        public string? HostIp { get; }

        /// <summary>Host port (null when not published).</summary>
        public int? HostPort { get; }

        /// <summary>The port inside the container.</summary>
        public int ContainerPort { get; }

        /// <summary>tcp, udp or sctp.</summary>
        public string Protocol { get; }

        /// <summary>Whether the port is published on the host.</summary>
        public bool IsPublished => HostPort.HasValue;

        /// <summary><c>0.0.0.0:8080->80/tcp</c> like <c>docker ps</c>, or <c>80/tcp</c> when not published.</summary>
        public override string ToString()
        {
            var inner = ContainerPort.ToString(CultureInfo.InvariantCulture) + "/" + Protocol;
            if (!HostPort.HasValue)
            {
                return inner;
            }

            var ip = HostIp ?? "0.0.0.0";
            var host = ip.Contains(":") ? "[" + ip + "]" : ip;
            return host + ":" + HostPort.Value.ToString(CultureInfo.InvariantCulture) + "->" + inner;
        }

        /// <summary>Orders mappings the way <c>docker ps</c> lists them.</summary>
        public static PortMapping[] Sort(IEnumerable<PortMapping> ports) => ports
            .OrderBy(p => p.ContainerPort)
            .ThenBy(p => p.Protocol, StringComparer.Ordinal)
            .ThenBy(p => p.HostIp ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.HostPort ?? 0)
            .ToArray();

        internal static PortMapping[] FromSummaries(IEnumerable<Docker.DotNet.Models.PortSummary>? ports) =>
            ports is null
                ? Array.Empty<PortMapping>()
                : Sort(ports.Select(p => new PortMapping(p.IP, p.PublicPort, p.PrivatePort, p.Type)));

        internal static PortMapping[] FromBindings(IDictionary<string, IList<Docker.DotNet.Models.PortBinding>>? ports)
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

            return Sort(result);
        }
    }
}
