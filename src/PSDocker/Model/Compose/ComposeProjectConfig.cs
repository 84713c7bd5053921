using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>
    /// A compose project as its files describe it, after merging, interpolation and normalisation
    /// (docker compose config). Made by the compose loader; read by the compose cmdlets.
    /// </summary>
    public sealed class ComposeProjectConfig
    {
        /// <summary>The project name (normalised as compose normalises it: lower case, [a-z0-9_-]).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The project's working directory: the folder of the first compose file unless set.</summary>
        public string WorkingDirectory { get; set; } = string.Empty;

        /// <summary>The compose files merged, in order, as full paths.</summary>
        public string[] ConfigFiles { get; set; } = Array.Empty<string>();

        /// <summary>The services enabled by the active profiles, by name, in file order.</summary>
        public ComposeServiceConfig[] Services { get; set; } = Array.Empty<ComposeServiceConfig>();

        /// <summary>Services disabled by profiles (kept so that -Service can name them).</summary>
        public ComposeServiceConfig[] DisabledServices { get; set; } = Array.Empty<ComposeServiceConfig>();

        /// <summary>The top-level networks the enabled services use (with the implicit <c>default</c> when a service uses it); unused ones are dropped, as docker compose drops them.</summary>
        public ComposeNetworkConfig[] Networks { get; set; } = Array.Empty<ComposeNetworkConfig>();

        /// <summary>The top-level named volumes the enabled services use; unused ones are dropped, as docker compose drops them.</summary>
        public ComposeVolumeConfig[] Volumes { get; set; } = Array.Empty<ComposeVolumeConfig>();

        /// <summary>What compose would warn about while loading: an obsolete <c>version</c>, several files with supported names, a variable that is not set, a dependency dropped because it is not required.</summary>
        public string[] Warnings { get; set; } = Array.Empty<string>();

        /// <summary>The project's name.</summary>
        public override string ToString() => Name;
    }
}
