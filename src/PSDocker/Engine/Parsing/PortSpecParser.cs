using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSDocker.EngineAccess
{
    /// <summary>One container port to expose and publish on the host.</summary>
    public sealed class PortSpec
    {
        /// <summary>Creates a port spec.</summary>
        public PortSpec(string hostIp, string hostPort, int containerPort, string protocol)
        {
            HostIp = hostIp;
            HostPort = hostPort;
            ContainerPort = containerPort;
            Protocol = protocol;
        }

        /// <summary>Host address to bind ("" for all addresses).</summary>
        public string HostIp { get; }

        /// <summary>Host port: a number, a range the engine picks from ("8000-8010"), or "" for a random port.</summary>
        public string HostPort { get; }

        /// <summary>The port inside the container.</summary>
        public int ContainerPort { get; }

        /// <summary>tcp, udp or sctp.</summary>
        public string Protocol { get; }

        /// <summary>The engine's key for the port: <c>80/tcp</c>.</summary>
        public string Key => ContainerPort.ToString(CultureInfo.InvariantCulture) + "/" + Protocol;

        /// <inheritdoc />
        public override string ToString() =>
            (HostIp.Contains(":") ? "[" + HostIp + "]" : HostIp) + ":" + HostPort + "->" + Key;
    }

    /// <summary>
    /// Parses <c>docker run -p</c> values: <c>[ip:][hostPort:]containerPort[/protocol]</c>, where either
    /// port may be a range (<c>8080-8081:80-81</c>), the host port may be empty (<c>127.0.0.1::80</c>,
    /// a random port) and an IPv6 address may be bracketed (<c>[::1]:81:80</c>). Follows the docker CLI
    /// (go-connections <c>nat.ParsePortSpec</c>).
    /// </summary>
    public static class PortSpecParser
    {
        private const string Parameter = "Port";

        /// <summary>Parses one value into one spec per container port.</summary>
        /// <exception cref="InvalidSpecException">The value is not a valid port mapping.</exception>
        public static IReadOnlyList<PortSpec> Parse(string spec)
        {
            if (string.IsNullOrWhiteSpace(spec))
            {
                throw Invalid(spec ?? string.Empty, "it is empty");
            }

            var text = spec.Trim();
            var (ip, hostPort, containerPart) = SplitParts(text);
            var protocol = "tcp";
            var slash = containerPart.IndexOf('/');
            if (slash >= 0)
            {
                protocol = containerPart.Substring(slash + 1).ToLowerInvariant();
                containerPart = containerPart.Substring(0, slash);
                if (protocol != "tcp" && protocol != "udp" && protocol != "sctp")
                {
                    throw Invalid(spec, $"the protocol '{protocol}' is not tcp, udp or sctp");
                }
            }

            if (ip.StartsWith("[", StringComparison.Ordinal))
            {
                if (!ip.EndsWith("]", StringComparison.Ordinal))
                {
                    throw Invalid(spec, $"the address '{ip}' lacks its closing ']'");
                }

                var inner = ip.Substring(1, ip.Length - 2);
                if (!IpAddressSyntax.IsIPv6(inner))
                {
                    throw Invalid(spec, $"'{ip}' is not an IPv6 address");
                }

                ip = inner;
            }
            else if (ip.Length > 0 && !IpAddressSyntax.IsDottedQuad(ip))
            {
                // Like the docker CLI ("invalid IP address: 127"): a short form such as 127 would
                // otherwise read as 0.0.0.127 and the engine would publish on every interface.
                throw Invalid(spec, ip.IndexOf(':') >= 0
                    ? $"the IPv6 address '{ip}' must be in brackets ('[{ip}]')"
                    : $"'{ip}' is not an IP address (IPv4 as four numbers 0-255, '127.0.0.1'; IPv6 in brackets, '[::1]')");
            }

            if (containerPart.Length == 0)
            {
                throw Invalid(spec, "no container port is given");
            }

            var (start, end) = ParseRange(spec, containerPart, "container port", allowZero: false);
            int hostStart = 0, hostEnd = 0;
            if (hostPort.Length > 0)
            {
                (hostStart, hostEnd) = ParseRange(spec, hostPort, "host port", allowZero: true);
                if (end - start != hostEnd - hostStart && end != start)
                {
                    throw Invalid(spec, $"the host range {hostPort} and the container range {containerPart} differ in size");
                }
            }

            var result = new List<PortSpec>();
            for (var i = 0; i <= end - start; i++)
            {
                string host;
                if (hostPort.Length == 0)
                {
                    host = string.Empty;
                }
                else if (start == end && hostStart != hostEnd)
                {
                    // One container port and a host range: the engine picks a free port in the range.
                    host = hostStart.ToString(CultureInfo.InvariantCulture) + "-" + hostEnd.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    host = (hostStart + i).ToString(CultureInfo.InvariantCulture);
                }

                result.Add(new PortSpec(ip, host, start + i, protocol));
            }

            return result;
        }

        private static (string Ip, string HostPort, string ContainerPort) SplitParts(string text)
        {
            var parts = text.Split(':');
            var n = parts.Length;
            return n switch
            {
                1 => (string.Empty, string.Empty, parts[0]),
                2 => (string.Empty, parts[0], parts[1]),
                3 => (parts[0], parts[1], parts[2]),
                // An IPv6 address, bracketed or not: everything before the last two parts.
                _ => (string.Join(":", parts, 0, n - 2), parts[n - 2], parts[n - 1]),
            };
        }

        private static (int Start, int End) ParseRange(string spec, string text, string what, bool allowZero)
        {
            var dash = text.IndexOf('-');
            var start = ParsePort(spec, dash < 0 ? text : text.Substring(0, dash), what, allowZero);
            if (dash < 0)
            {
                return (start, start);
            }

            var end = ParsePort(spec, text.Substring(dash + 1), what, allowZero);
            if (end < start)
            {
                throw Invalid(spec, $"the {what} range {text} ends before it starts");
            }

            return (start, end);
        }

        private static int ParsePort(string spec, string text, string what, bool allowZero)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || port > 65535 || (port == 0 && !allowZero))
            {
                throw Invalid(spec, $"'{text}' is not a valid {what} (1-65535)");
            }

            return port;
        }

        private static InvalidSpecException Invalid(string spec, string reason) => new InvalidSpecException(
            Parameter,
            spec,
            $"'{spec}' is not a valid port mapping: {reason}. Use [ip:][hostPort:]containerPort[/protocol], e.g. '8080:80', '127.0.0.1::80' or '[::1]:53:53/udp'.");
    }
}
