using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker
{
    /// <summary>A volume, bind or tmpfs mounted into a container.</summary>
    public sealed class MountPoint
    {
        /// <summary>bind, volume, tmpfs or npipe.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>The volume name (volumes only).</summary>
        public string? Name { get; set; }

        /// <summary>Host path or volume data path.</summary>
        public string Source { get; set; } = string.Empty;

        /// <summary>Path inside the container.</summary>
        public string Destination { get; set; } = string.Empty;

        /// <summary>The volume driver (volumes only).</summary>
        public string? Driver { get; set; }

        /// <summary>Mount mode as given (e.g. <c>ro</c>, <c>z</c>).</summary>
        public string Mode { get; set; } = string.Empty;

        /// <summary>Whether the mount is writable.</summary>
        public bool ReadWrite { get; set; }

        /// <summary>Bind propagation.</summary>
        public string? Propagation { get; set; }

        /// <inheritdoc />
        public override string ToString() => (Name ?? Source) + ":" + Destination + (ReadWrite ? string.Empty : ":ro");
    }
}
