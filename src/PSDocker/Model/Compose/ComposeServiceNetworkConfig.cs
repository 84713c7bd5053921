using System;

namespace PSDocker
{
    /// <summary>How a service joins one network (<c>services.NAME.networks.NET</c>).</summary>
    public sealed class ComposeServiceNetworkConfig
    {
        /// <summary>Extra DNS names of the service on that network (the service name is always one).</summary>
        public string[] Aliases { get; set; } = Array.Empty<string>();

        /// <summary>The aliases, comma-separated (empty when there are none).</summary>
        public override string ToString() => string.Join(",", Aliases);
    }
}
