using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>A service's <c>build</c> section.</summary>
    public sealed class ComposeBuildConfig
    {
        /// <summary>The build context, as a full path.</summary>
        public string Context { get; set; } = string.Empty;

        /// <summary>The Dockerfile, relative to the context as written (default <c>Dockerfile</c>).</summary>
        public string Dockerfile { get; set; } = "Dockerfile";

        /// <summary>Build arguments (a null value: taken from the environment, or unset).</summary>
        public SortedDictionary<string, string?> Args { get; set; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        /// <summary>The target stage; null = the last.</summary>
        public string? Target { get; set; }
    }
}
