namespace PSDocker
{
    /// <summary>A container attached to a network, as <c>docker network inspect</c> lists it under Containers.</summary>
    public sealed class NetworkEndpoint
    {
        /// <summary>The container's full id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's IPv4 address on the network, with its prefix length (<c>172.18.0.2/16</c>); empty when none.</summary>
        public string IPv4Address { get; set; } = string.Empty;

        /// <summary>The container's IPv6 address on the network, with its prefix length; empty when none.</summary>
        public string IPv6Address { get; set; } = string.Empty;

        /// <summary>The endpoint's MAC address.</summary>
        public string MacAddress { get; set; } = string.Empty;

        /// <inheritdoc />
        public override string ToString() => ContainerName.Length > 0 ? ContainerName : ContainerId;
    }
}
