using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>A top-level named volume of a compose project.</summary>
    public sealed class ComposeVolumeConfig
    {
        /// <summary>The key in <c>volumes</c>.</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The engine name: <c>name</c> if given, else <c>PROJECT_KEY</c>; for external volumes the name as given.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The driver; null = local.</summary>
        public string? Driver { get; set; }

        /// <summary>Made outside compose: never created nor removed, must exist.</summary>
        public bool External { get; set; }

        /// <summary>The user's labels.</summary>
        public SortedDictionary<string, string> Labels { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The volume's engine name.</summary>
        public override string ToString() => Name;
    }
}
