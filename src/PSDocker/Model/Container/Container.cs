using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker
{
    /// <summary>
    /// What every container object offers a cmdlet that acts on containers: its id, its name and its
    /// engine. <see cref="Container"/> and <see cref="ContainerDetail"/> both bind to <c>-InputObject</c>.
    /// </summary>
    public abstract class ContainerReference : EngineObject, IContainerReference
    {
        /// <summary>The full container id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The container name, without the API's leading '/'.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The first 12 characters of the id, as the docker CLI shows it.</summary>
        public string ShortId => ResourceIds.Short(Id);

        string IResourceReference.ResourceId => Id;

        string IResourceReference.ResourceName => Name;

        /// <inheritdoc />
        public override string ToString() => Name.Length > 0 ? Name : ShortId;

        internal static string TrimName(string? name) => name is null ? string.Empty : name.TrimStart('/');
    }

    /// <summary>A container as <c>docker ps -a</c> lists it.</summary>
    public sealed class Container : ContainerReference
    {
        /// <summary>All names of the container (links add more).</summary>
        public string[] Names { get; set; } = Array.Empty<string>();

        /// <summary>The image as the container was created from it (name or id).</summary>
        public string Image { get; set; } = string.Empty;

        /// <summary>The image id.</summary>
        public string ImageId { get; set; } = string.Empty;

        /// <summary>The command line the container runs.</summary>
        public string Command { get; set; } = string.Empty;

        /// <summary>When the container was created (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>The container's state.</summary>
        public ContainerState State { get; set; }

        /// <summary>The engine's human status text ("Up 3 minutes", "Exited (0) 2 hours ago").</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>Exposed and published ports.</summary>
        public PortMapping[] Ports { get; set; } = Array.Empty<PortMapping>();

        /// <summary>The container's labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>Volumes and binds.</summary>
        public MountPoint[] Mounts { get; set; } = Array.Empty<MountPoint>();

        /// <summary>Names of the networks the container is attached to.</summary>
        public string[] Networks { get; set; } = Array.Empty<string>();

        /// <summary>The engine's own listing record as nested dictionaries (its JSON names: <c>$c.Raw.HostConfig.NetworkMode</c>), for what this type does not surface.</summary>
        [System.Management.Automation.Hidden]
        public System.Collections.IDictionary? Raw => RawRecord?.Value;

        /// <summary>Makes <see cref="Raw"/> when it is first read (the engine layer sets it).</summary>
        internal Lazy<System.Collections.IDictionary?>? RawRecord { get; set; }
    }

    /// <summary>Conversions between the engine's state words and <see cref="ContainerState"/>.</summary>
    public static class ContainerStates
    {
        /// <summary>Parses the engine's state word ("running", "exited"…).</summary>
        public static ContainerState Parse(string? state) =>
            Enum.TryParse<ContainerState>(state, ignoreCase: true, out var s) && Enum.IsDefined(typeof(ContainerState), s)
                ? s
                : ContainerState.Unknown;

        /// <summary>The engine's filter word for a state.</summary>
        public static string ToFilter(ContainerState state) => state.ToString().ToLowerInvariant();
    }
}
