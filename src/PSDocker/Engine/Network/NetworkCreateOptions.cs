using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// What <c>docker network create</c> takes, in PowerShell shapes, and the one pure conversion to the
    /// engine's parameters. Gateways and IP ranges pair with subnets in order: the first gateway with the
    /// first subnet, and so on.
    /// </summary>
    public sealed class NetworkCreateOptions
    {
        /// <summary>The network name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The driver (bridge by default, like <c>docker network create</c>).</summary>
        public string Driver { get; set; } = "bridge";

        /// <summary>Subnets in CIDR notation (<c>--subnet</c>).</summary>
        public IList<string>? Subnet { get; set; }

        /// <summary>Gateways, one per subnet in order (<c>--gateway</c>).</summary>
        public IList<string>? Gateway { get; set; }

        /// <summary>Address ranges for containers, one per subnet in order (<c>--ip-range</c>).</summary>
        public IList<string>? IPRange { get; set; }

        /// <summary>Cut the network off from the outside (<c>--internal</c>).</summary>
        public bool Internal { get; set; }

        /// <summary>Let standalone containers attach to a swarm network (<c>--attachable</c>).</summary>
        public bool Attachable { get; set; }

        /// <summary>Enable IPv6 (<c>--ipv6</c>).</summary>
        public bool IPv6 { get; set; }

        /// <summary>Labels to set.</summary>
        public IDictionary? Label { get; set; }

        /// <summary>Driver options (<c>-o</c>).</summary>
        public IDictionary? DriverOption { get; set; }

        /// <summary>Checks the options as the engine's create parameters need them.</summary>
        /// <exception cref="ArgumentException">More gateways or IP ranges than subnets.</exception>
        public void Validate() => ToParameters();

        /// <summary>The engine's create parameters.</summary>
        /// <exception cref="ArgumentException">More gateways or IP ranges than subnets.</exception>
        internal NetworksCreateParameters ToParameters()
        {
            var subnets = Subnet ?? Array.Empty<string>();
            var gateways = Gateway ?? Array.Empty<string>();
            var ranges = IPRange ?? Array.Empty<string>();
            if (gateways.Count > subnets.Count || ranges.Count > subnets.Count)
            {
                throw new ArgumentException(
                    $"Each -Gateway and -IPRange belongs to a -Subnet, in order: {subnets.Count} subnet(s) cannot take {gateways.Count} gateway(s) and {ranges.Count} IP range(s).");
            }

            var parameters = new NetworksCreateParameters
            {
                Name = Name,
                Driver = string.IsNullOrEmpty(Driver) ? "bridge" : Driver,
                Internal = Internal,
                Attachable = Attachable,
                Labels = ToDictionary(Label)!,
                Options = ToDictionary(DriverOption)!,
            };
            if (IPv6)
            {
                parameters.EnableIPv6 = true;
            }

            if (subnets.Count > 0)
            {
                parameters.IPAM = new IPAM
                {
                    Driver = "default",
                    Config = subnets.Select((s, i) => new IPAMConfig
                    {
                        Subnet = s,
                        Gateway = i < gateways.Count ? gateways[i] : null!,
                        IPRange = i < ranges.Count ? ranges[i] : null!,
                    }).ToList(),
                };
            }

            return parameters;
        }

        internal static IDictionary<string, string>? ToDictionary(IDictionary? map) =>
            map is { Count: > 0 }
                ? map.Cast<DictionaryEntry>().ToDictionary(
                    e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? string.Empty,
                    e => Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? string.Empty,
                    StringComparer.Ordinal)
                : null;
    }
}
