using System.Collections.Generic;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// What <c>docker build</c> is asked to do: the context folder, the Dockerfile (inside the context or
    /// outside it), the tags and the build settings. Paths are full paths on the host.
    /// </summary>
    internal sealed class ImageBuildRequest
    {
        /// <summary>The context folder (a full path).</summary>
        public string ContextPath { get; set; } = string.Empty;

        /// <summary>
        /// The Dockerfile: a full path, or a path relative to the context; null for the context's
        /// <c>Dockerfile</c> (or <c>dockerfile</c>). Outside the context it is sent under a generated name,
        /// as the docker CLI does.
        /// </summary>
        public string? Dockerfile { get; set; }

        /// <summary>The tags to give the image (<c>-t</c>), each repository[:tag].</summary>
        public IReadOnlyList<string> Tags { get; set; } = new List<string>();

        /// <summary>Build-time variables (<c>--build-arg</c>); a null value passes the variable from the environment, as the CLI does.</summary>
        public IDictionary<string, string?> BuildArgs { get; set; } = new Dictionary<string, string?>();

        /// <summary>The stage to build (<c>--target</c>), or null for the last.</summary>
        public string? Target { get; set; }

        /// <summary>Labels given to the image (<c>--label</c>).</summary>
        public IDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>Whether to build without the cache (<c>--no-cache</c>).</summary>
        public bool NoCache { get; set; }

        /// <summary>Whether to pull newer base images (<c>--pull</c>).</summary>
        public bool Pull { get; set; }

        /// <summary>
        /// Whether to remove the step containers also when a step fails (<c>--force-rm</c>); by default,
        /// as with the docker CLI, a failed step's container is kept for inspection.
        /// </summary>
        public bool ForceRemove { get; set; }

        /// <summary>The target platform (<c>--platform</c>, API 1.38 and later), or null.</summary>
        public string? Platform { get; set; }
    }
}
