namespace PSDocker
{
    /// <summary>One entry of a service's <c>volumes</c> (short syntax normalised to the long one).</summary>
    public sealed class ComposeMountConfig
    {
        /// <summary><c>volume</c>, <c>bind</c> or <c>tmpfs</c>.</summary>
        public string Type { get; set; } = "volume";

        /// <summary>The top-level volume key (volume), the absolute host path (bind), or null (anonymous volume, tmpfs).</summary>
        public string? Source { get; set; }

        /// <summary>The path inside the container.</summary>
        public string Target { get; set; } = string.Empty;

        /// <summary>Mounted read-only.</summary>
        public bool ReadOnly { get; set; }

        /// <summary>A bind whose missing host path the engine creates (compose's <c>bind.create_host_path</c>: true for the short syntax, as <c>docker run -v</c> does; false for the long one, where a missing path is an error).</summary>
        public bool CreateHostPath { get; set; }

        /// <summary>As the short syntax writes it: <c>data:/var/lib/data:ro</c>, <c>/host:/in</c>, or the target alone.</summary>
        public override string ToString() =>
            (Source is { Length: > 0 } ? Source + ":" : string.Empty) + Target + (ReadOnly ? ":ro" : string.Empty);
    }
}
