using System;
using System.Collections.Generic;
using System.Globalization;

namespace PSDocker
{
    /// <summary>A volume, as <c>docker volume ls</c> lists it and <c>docker volume inspect</c> details it.</summary>
    public sealed class ContainerVolume : EngineObject, IVolumeReference
    {
        /// <summary>The volume name (a 64-digit hex name for an anonymous volume).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The volume driver (local unless a plugin provides it).</summary>
        public string Driver { get; set; } = string.Empty;

        /// <summary>Where the volume's data lives on the engine's host.</summary>
        public string Mountpoint { get; set; } = string.Empty;

        /// <summary>The volume's labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The scope: local, or global for a cluster-wide driver.</summary>
        public string Scope { get; set; } = string.Empty;

        /// <summary>When the volume was created (local time); null when the driver does not say.</summary>
        public DateTime? Created { get; set; }

        /// <summary>The driver's options (<c>docker volume create -o</c>).</summary>
        public Dictionary<string, string> Options { get; set; } = new Dictionary<string, string>();

        string IResourceReference.ResourceId => Name;

        string IResourceReference.ResourceName => Name;

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
