using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>A top-level network of a compose project.</summary>
    public sealed class ComposeNetworkConfig
    {
        /// <summary>The key in <c>networks</c> (<c>default</c> for the implicit one).</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The engine name: <c>name</c> if given, else <c>PROJECT_KEY</c>; for external networks the name as given.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The driver; null = the engine's (bridge).</summary>
        public string? Driver { get; set; }

        /// <summary>Made outside compose: never created nor removed, must exist.</summary>
        public bool External { get; set; }

        /// <summary>internal: true.</summary>
        public bool Internal { get; set; }

        /// <summary>ipam.config[].subnet values.</summary>
        public string[] Subnets { get; set; } = Array.Empty<string>();

        /// <summary>The user's labels.</summary>
        public SortedDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The network's engine name.</summary>
        public override string ToString() => Name;
    }
}
