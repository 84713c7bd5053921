using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker
{
    /// <summary>A network, as <c>docker network ls</c> lists it and <c>docker network inspect</c> details it.</summary>
    public sealed class ContainerNetwork : EngineObject, INetworkReference
    {
        /// <summary>The full network id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The network name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The first 12 characters of the id, as the docker CLI shows it.</summary>
        public string ShortId => ResourceIds.Short(Id);

        /// <summary>The network driver (bridge, host, null, overlay, macvlan, …).</summary>
        public string Driver { get; set; } = string.Empty;

        /// <summary>The scope: local, or swarm/global for cluster networks.</summary>
        public string Scope { get; set; } = string.Empty;

        /// <summary>Whether the network is cut off from the outside (<c>docker network create --internal</c>).</summary>
        public bool Internal { get; set; }

        /// <summary>Whether standalone containers may attach to a swarm network.</summary>
        public bool Attachable { get; set; }

        /// <summary>Whether IPv6 is enabled.</summary>
        public bool EnableIPv6 { get; set; }

        /// <summary>The subnets of the network's address configuration (IPAM), in CIDR notation.</summary>
        public string[] Subnets { get; set; } = Array.Empty<string>();

        /// <summary>The gateways of the network's address configuration (IPAM), one per subnet that has one.</summary>
        public string[] Gateways { get; set; } = Array.Empty<string>();

        /// <summary>The ranges containers' addresses are taken from (IPAM), where one was set.</summary>
        public string[] IPRanges { get; set; } = Array.Empty<string>();

        /// <summary>The network's labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The driver's options (<c>docker network create -o</c>).</summary>
        public Dictionary<string, string> Options { get; set; } = new Dictionary<string, string>();

        /// <summary>When the network was created (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>
        /// The containers attached to the network, as the engine's inspection reports them (running
        /// containers). Empty on objects from a bare listing, which does not carry them.
        /// </summary>
        public NetworkEndpoint[] Containers { get; set; } = Array.Empty<NetworkEndpoint>();

        string IResourceReference.ResourceId => Id;

        string IResourceReference.ResourceName => Name;

        /// <inheritdoc />
        public override string ToString() => Name.Length > 0 ? Name : ShortId;
    }
}
