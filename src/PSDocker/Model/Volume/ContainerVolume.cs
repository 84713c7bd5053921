using System;
using System.Collections.Generic;
using System.Globalization;
using Docker.DotNet.Models;

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

        /// <summary>Builds a volume from the engine's listing or inspection record.</summary>
        internal static ContainerVolume From(VolumeResponse r, Engine engine) => new ContainerVolume
        {
            Engine = engine,
            Name = r.Name ?? string.Empty,
            Driver = r.Driver ?? string.Empty,
            Mountpoint = r.Mountpoint ?? string.Empty,
            Labels = r.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Labels),
            Scope = r.Scope ?? string.Empty,
            Created = DateTime.TryParse(r.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
                ? created.ToLocalTime()
                : null,
            Options = r.Options is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Options),
        };
    }
}
