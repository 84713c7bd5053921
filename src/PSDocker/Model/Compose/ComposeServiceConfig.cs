using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>One service of a compose file, resolved (the <c>services.NAME</c> entry).</summary>
    public sealed class ComposeServiceConfig
    {
        /// <summary>The service's key in <c>services</c>.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The image; when <see cref="Build"/> is set and this is empty, compose's default <c>PROJECT-SERVICE</c>.</summary>
        public string? Image { get; set; }

        /// <summary>The build section; null when the service only runs an image.</summary>
        public ComposeBuildConfig? Build { get; set; }

        /// <summary>The command, as a list (a string in the file is split the way compose splits it, shell-style); null = the image's.</summary>
        public string[]? Command { get; set; }

        /// <summary>The entrypoint, as a list; null = the image's.</summary>
        public string[]? Entrypoint { get; set; }

        /// <summary>Environment, from env_file(s) then environment (later wins); a null value means "unset" (<c>- NAME</c> with no value and none in the environment).</summary>
        public SortedDictionary<string, string?> Environment { get; set; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>Published and exposed ports, short syntax normalised to the long one (one entry per port of a range).</summary>
        public ComposePortConfig[] Ports { get; set; } = Array.Empty<ComposePortConfig>();

        /// <summary>Mounts: named volumes, binds (source made absolute against the working directory) and tmpfs.</summary>
        public ComposeMountConfig[] Volumes { get; set; } = Array.Empty<ComposeMountConfig>();

        /// <summary>tmpfs mount targets (the service-level <c>tmpfs</c> key).</summary>
        public string[] Tmpfs { get; set; } = Array.Empty<string>();

        /// <summary>Networks the service joins, by the top-level key; <c>default</c> when the file names none.</summary>
        public SortedDictionary<string, ComposeServiceNetworkConfig> Networks { get; set; } = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal);

        /// <summary>Dependencies, by service name.</summary>
        public SortedDictionary<string, ComposeDependencyConfig> DependsOn { get; set; } = new SortedDictionary<string, ComposeDependencyConfig>(StringComparer.Ordinal);

        /// <summary>Restart policy as compose writes it: no, always, on-failure[:N], unless-stopped; null = no.</summary>
        public string? Restart { get; set; }

        /// <summary>The health check; null = the image's.</summary>
        public ComposeHealthcheckConfig? Healthcheck { get; set; }

        /// <summary>The service's labels (the user's, not compose's own).</summary>
        public SortedDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>container_name; null = <c>PROJECT-SERVICE-N</c>.</summary>
        public string? ContainerName { get; set; }

        /// <summary>hostname.</summary>
        public string? Hostname { get; set; }

        /// <summary>working_dir.</summary>
        public string? WorkingDir { get; set; }

        /// <summary>user.</summary>
        public string? User { get; set; }

        /// <summary>stop_grace_period: how long a stop waits before it kills; null = the engine's (10 s).</summary>
        public TimeSpan? StopGracePeriod { get; set; }

        /// <summary>stop_signal: the signal a stop sends first; null = the image's (SIGTERM).</summary>
        public string? StopSignal { get; set; }

        /// <summary>dns servers.</summary>
        public string[] Dns { get; set; } = Array.Empty<string>();

        /// <summary>extra_hosts as <c>host:ip</c>.</summary>
        public string[] ExtraHosts { get; set; } = Array.Empty<string>();

        /// <summary>How many containers: deploy.replicas or scale; 1 by default.</summary>
        public int Replicas { get; set; } = 1;

        /// <summary>profiles; empty = always enabled.</summary>
        public string[] Profiles { get; set; } = Array.Empty<string>();

        /// <summary>The service's name.</summary>
        public override string ToString() => Name;
    }
}
