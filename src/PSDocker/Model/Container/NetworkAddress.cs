namespace PSDocker
{
    /// <summary>A container's addresses on one network (<c>docker inspect -f '{{range .NetworkSettings.Networks}}…'</c>).</summary>
    public sealed class NetworkAddress
    {
        /// <summary>The network's name.</summary>
        public string Network { get; set; } = string.Empty;

        /// <summary>The IPv4 address (empty when none).</summary>
        public string IPAddress { get; set; } = string.Empty;

        /// <summary>The IPv4 prefix length.</summary>
        public long PrefixLength { get; set; }

        /// <summary>The IPv4 gateway.</summary>
        public string Gateway { get; set; } = string.Empty;

        /// <summary>The IPv6 address (empty when none).</summary>
        public string GlobalIPv6Address { get; set; } = string.Empty;

        /// <summary>The MAC address.</summary>
        public string MacAddress { get; set; } = string.Empty;

        /// <summary>Other names the container has on this network.</summary>
        public string[] Aliases { get; set; } = System.Array.Empty<string>();

        /// <summary>The address as docker shows it: <c>bridge 172.17.0.2/16</c>.</summary>
        public override string ToString() => IPAddress.Length == 0 ? Network : Network + " " + IPAddress + "/" + PrefixLength;
    }
}
