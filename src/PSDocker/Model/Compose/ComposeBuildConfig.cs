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

        /// <summary>The context, with the Dockerfile and target when they are not the defaults.</summary>
        public override string ToString() =>
            Context + (Dockerfile == "Dockerfile" ? string.Empty : " (" + Dockerfile + ")") + (Target is { Length: > 0 } ? " --target " + Target : string.Empty);
    }
}
