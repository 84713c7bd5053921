using System;
using System.Management.Automation;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>What a path in a container is, as the engine's archive endpoint describes it (<c>docker cp</c>'s stat).</summary>
    public sealed class ContainerPathStat
    {
        /// <summary>Go's os.ModeDir bit of the engine's mode.</summary>
        private const uint ModeDirectory = 1u << 31;

        /// <summary>Go's os.ModeSymlink bit.</summary>
        private const uint ModeSymbolicLink = 1u << 27;

        /// <summary>Go's os.ModeType: the bits that make a path anything but a regular file.</summary>
        private const uint ModeType = (1u << 31) | (1u << 27) | (1u << 26) | (1u << 25) | (1u << 24) | (1u << 21) | (1u << 19);

        /// <summary>
        /// The refusals of the archive endpoints: a missing path is told apart from a missing container by
        /// the engine's message (both are 404s).
        /// </summary>
        internal static readonly RefusalTable Refusals = new RefusalTable(
            "Container",
            new Refusal("could not find the file", true, "ContainerPathNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("no such container", true, "ContainerNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("not a directory", false, "ContainerPathNotDirectory", ErrorCategory.InvalidArgument),
            new Refusal("cannot overwrite", false, "ContainerPathConflict", ErrorCategory.ResourceExists),
            new Refusal("read-only", false, "ContainerReadOnly", ErrorCategory.PermissionDenied));

        /// <summary>The base name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Size in bytes (of a file; a folder's own entry size otherwise).</summary>
        public long Size { get; set; }

        /// <summary>The engine's mode: Go's os.FileMode bits.</summary>
        public uint Mode { get; set; }

        /// <summary>Last modification time (UTC).</summary>
        public DateTime Modified { get; set; }

        /// <summary>The target of a symbolic link, or empty.</summary>
        public string LinkTarget { get; set; } = string.Empty;

        /// <summary>Whether the path is a folder.</summary>
        public bool IsDirectory => (Mode & ModeDirectory) != 0;

        /// <summary>Whether the path is a symbolic link.</summary>
        public bool IsSymbolicLink => (Mode & ModeSymbolicLink) != 0;

        /// <summary>Whether the path is a regular file (neither folder, link nor device).</summary>
        public bool IsRegularFile => (Mode & ModeType) == 0;

        internal static ContainerPathStat From(ContainerPathStatResponse r) => new ContainerPathStat
        {
            Name = r.Name ?? string.Empty,
            Size = r.Size,
            Mode = r.Mode,
            Modified = r.Mtime.ToUniversalTime(),
            LinkTarget = r.LinkTarget ?? string.Empty,
        };
    }
}
