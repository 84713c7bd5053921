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
    }
}
