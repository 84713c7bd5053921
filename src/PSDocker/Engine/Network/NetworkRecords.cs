using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The network records of the engine's API, turned into PSDocker's objects. Engine-side: the
    /// model types know nothing of Docker.DotNet.
    /// </summary>
    internal static class NetworkRecords
    {
        /// <summary>Builds a network from the engine's listing or inspection record.</summary>
        internal static ContainerNetwork ToNetwork(NetworkResponse r, Engine engine)
        {
            var ipam = r.IPAM?.Config ?? new List<IPAMConfig>();
            return new ContainerNetwork
            {
                Engine = engine,
                Id = r.ID ?? string.Empty,
                Name = r.Name ?? string.Empty,
                Driver = r.Driver ?? string.Empty,
                Scope = r.Scope ?? string.Empty,
                Internal = r.Internal,
                Attachable = r.Attachable,
                EnableIPv6 = r.EnableIPv6,
                Subnets = ipam.Select(c => c.Subnet).Where(s => !string.IsNullOrEmpty(s)).ToArray(),
                Gateways = ipam.Select(c => c.Gateway).Where(s => !string.IsNullOrEmpty(s)).ToArray(),
                IPRanges = ipam.Select(c => c.IPRange).Where(s => !string.IsNullOrEmpty(s)).ToArray(),
                Labels = r.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Labels),
                Options = r.Options is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Options),
                Created = r.Created.ToLocalTime(),
                Containers = (r.Containers ?? new Dictionary<string, EndpointResource>())
                    .Select(c => new NetworkEndpoint
                    {
                        ContainerId = c.Key,
                        ContainerName = c.Value?.Name ?? string.Empty,
                        IPv4Address = c.Value?.IPv4Address ?? string.Empty,
                        IPv6Address = c.Value?.IPv6Address ?? string.Empty,
                        MacAddress = c.Value?.MacAddress ?? string.Empty,
                    })
                    .OrderBy(e => e.ContainerName, StringComparer.Ordinal)
                    .ToArray(),
            };
        }
    }
}
