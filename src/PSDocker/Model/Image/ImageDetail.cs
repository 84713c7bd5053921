using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker
{
    /// <summary>An image as <c>docker image inspect</c> shows it: its tags, configuration and layers.</summary>
    public sealed class ImageDetail : EngineObject, IImageReference
    {
        /// <summary>The full image id (<c>sha256:…</c>).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The image's repo:tag references.</summary>
        public string[] RepoTags { get; set; } = Array.Empty<string>();

        /// <summary>The image's repository digests.</summary>
        public string[] RepoDigests { get; set; } = Array.Empty<string>();

        /// <summary>The commit message (<c>docker commit -m</c>, <c>docker import -m</c>).</summary>
        public string Comment { get; set; } = string.Empty;

        /// <summary>When the image was created (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>The author (<c>docker commit -a</c>, a Dockerfile's MAINTAINER).</summary>
        public string Author { get; set; } = string.Empty;

        /// <summary>The CPU architecture (amd64, arm64, …).</summary>
        public string Architecture { get; set; } = string.Empty;

        /// <summary>The operating system (linux, windows).</summary>
        public string Os { get; set; } = string.Empty;

        /// <summary>The size in bytes.</summary>
        public long Size { get; set; }

        /// <summary>The command a container runs by default.</summary>
        public string[] Command { get; set; } = Array.Empty<string>();

        /// <summary>The entrypoint.</summary>
        public string[] Entrypoint { get; set; } = Array.Empty<string>();

        /// <summary>The environment variables (<c>NAME=value</c>).</summary>
        public string[] Environment { get; set; } = Array.Empty<string>();

        /// <summary>The working directory.</summary>
        public string WorkingDirectory { get; set; } = string.Empty;

        /// <summary>The user containers run as.</summary>
        public string User { get; set; } = string.Empty;

        /// <summary>The exposed ports (<c>80/tcp</c>).</summary>
        public string[] ExposedPorts { get; set; } = Array.Empty<string>();

        /// <summary>The labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The layer digests of the root filesystem, bottom first.</summary>
        public string[] Layers { get; set; } = Array.Empty<string>();

        string IResourceReference.ResourceId => Id;

        string IResourceReference.ResourceName => RepoTags.FirstOrDefault() ?? string.Empty;

        /// <inheritdoc />
        public override string ToString() => RepoTags.FirstOrDefault() ?? ResourceIds.Short(Id);
    }
}
