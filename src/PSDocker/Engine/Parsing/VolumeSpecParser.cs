using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>What a <c>-Volume</c> value mounts.</summary>
    public enum VolumeSpecKind
    {
        /// <summary>A new anonymous volume at a container path (<c>/data</c>).</summary>
        Anonymous,

        /// <summary>A named volume (<c>cache:/data</c>); the engine creates it when missing.</summary>
        Named,

        /// <summary>A host path (<c>/srv/data:/data</c>, <c>./data:/data</c>).</summary>
        Bind,
    }

    /// <summary>One parsed <c>-Volume</c> value.</summary>
    public sealed class VolumeSpec
    {
        /// <summary>Creates a volume spec.</summary>
        public VolumeSpec(VolumeSpecKind kind, string? source, string destination, string options)
        {
            Kind = kind;
            Source = source;
            Destination = destination;
            Options = options;
        }

        /// <summary>Anonymous, named volume or host path.</summary>
        public VolumeSpecKind Kind { get; }

        /// <summary>The volume name or host path as written (null for an anonymous volume).</summary>
        public string? Source { get; }

        /// <summary>The absolute path inside the container.</summary>
        public string Destination { get; }

        /// <summary>Mount options as written (<c>ro</c>, <c>ro,z</c>), or "".</summary>
        public string Options { get; }

        /// <summary>Whether the mount is read-only.</summary>
        public bool ReadOnly => Options.Split(',').Contains("ro");

        /// <summary>
        /// Whether a host path is relative (<c>./data</c>, <c>../data</c>, <c>~/data</c>, <c>data/sub</c>) and
        /// must be resolved against the current FileSystem location first.
        /// </summary>
        public bool IsRelativeBind => Kind == VolumeSpecKind.Bind && !VolumeSpecParser.IsAbsoluteHostPath(Source!);

        /// <summary>The engine's bind string (<c>source:destination[:options]</c>) with the source given.</summary>
        public string ToBind(string source) =>
            source + ":" + Destination + (Options.Length > 0 ? ":" + Options : string.Empty);
    }

    /// <summary>
    /// Parses <c>docker run -v</c> values: <c>/dst</c> (anonymous volume), <c>name:/dst</c> (named
    /// volume), <c>/host/path:/dst</c> or <c>./rel:/dst</c> (bind), each but the first with optional
    /// options (<c>:ro</c>, <c>:ro,z</c>). A Windows drive path (<c>C:\data:/data</c>) is a bind source.
    /// </summary>
    public static class VolumeSpecParser
    {
        private const string Parameter = "Volume";

        private static readonly HashSet<string> ValidOptions = new HashSet<string>(StringComparer.Ordinal)
        {
            "rw", "ro", "z", "Z", "nocopy", "shared", "rshared", "slave", "rslave", "private", "rprivate", "delegated", "cached", "consistent",
        };

        private static readonly Regex VolumeName = new Regex("^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        private static readonly Regex DrivePath = new Regex(@"^[A-Za-z]:[\\/]", RegexOptions.CultureInvariant);

        private static readonly char[] PathSeparators = { '/', '\\' };

        /// <summary>Whether a bind source is already absolute (<c>/srv</c>, <c>\\server\share</c>, <c>C:\data</c>).</summary>
        public static bool IsAbsoluteHostPath(string source) =>
            source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith("\\", StringComparison.Ordinal) || DrivePath.IsMatch(source);

        /// <summary>
        /// Resolves a relative bind source as the docker CLI does against its working directory: <c>~</c>
        /// and <c>~/x</c> against the home folder, everything else against <paramref name="fileSystemLocation"/>,
        /// which must be the session's current FileSystem location (in PowerShell
        /// <c>SessionState.Path.CurrentFileSystemLocation.ProviderPath</c>), never the current location of
        /// another provider such as <c>Env:</c>.
        /// </summary>
        public static string ResolveHostPath(string source, string fileSystemLocation, string homeDirectory)
        {
            if (IsAbsoluteHostPath(source))
            {
                return source;
            }

            if (source == "~" || source.StartsWith("~/", StringComparison.Ordinal) || source.StartsWith("~\\", StringComparison.Ordinal))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(homeDirectory, source.Length > 2 ? source.Substring(2) : string.Empty));
            }

            return System.IO.Path.GetFullPath(System.IO.Path.Combine(fileSystemLocation, source));
        }

        /// <summary>Parses one value.</summary>
        /// <exception cref="InvalidSpecException">The value is not a valid volume specification.</exception>
        public static VolumeSpec Parse(string spec)
        {
            if (string.IsNullOrWhiteSpace(spec))
            {
                throw Invalid(spec ?? string.Empty, "it is empty");
            }

            var text = spec.Trim();
            var drive = DrivePath.IsMatch(text) ? text.Substring(0, 2) : string.Empty;
            var parts = text.Substring(drive.Length).Split(':');
            parts[0] = drive + parts[0];

            if (parts.Length == 1)
            {
                if (drive.Length > 0)
                {
                    throw Invalid(spec, "a host path needs a container path after it (source:destination)");
                }

                RequireAbsolute(spec, parts[0]);
                return new VolumeSpec(VolumeSpecKind.Anonymous, null, parts[0], string.Empty);
            }

            if (parts.Length > 3)
            {
                throw Invalid(spec, "it has too many ':'-separated parts");
            }

            var source = parts[0];
            var destination = parts[1];
            var options = parts.Length == 3 ? parts[2] : string.Empty;
            if (source.Length == 0)
            {
                throw Invalid(spec, "the source is empty");
            }

            RequireAbsolute(spec, destination);
            if (parts.Length == 3)
            {
                ValidateOptions(spec, options);
            }

            // A source that starts like a path or holds a path separator is a host path, never a volume
            // name: 'data/sub' must not become a named volume by accident (nor, resolved wrongly, './data').
            var isPath = source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("~", StringComparison.Ordinal)
                || source.IndexOfAny(PathSeparators) >= 0 || drive.Length > 0;
            if (!isPath && !VolumeName.IsMatch(source))
            {
                throw Invalid(spec, $"'{source}' is neither a path nor a volume name (letters, digits, '_', '.', '-')");
            }

            return new VolumeSpec(isPath ? VolumeSpecKind.Bind : VolumeSpecKind.Named, source, destination, options);
        }

        private static void RequireAbsolute(string spec, string destination)
        {
            if (destination.Length == 0 || destination[0] != '/')
            {
                throw Invalid(spec, $"the container path '{destination}' is not absolute");
            }
        }

        private static void ValidateOptions(string spec, string options)
        {
            var list = options.Split(',');
            foreach (var option in list)
            {
                if (!ValidOptions.Contains(option))
                {
                    throw Invalid(spec, $"'{option}' is not a mount option (ro, rw, z, Z, nocopy, shared, slave, private and their r- forms, delegated, cached, consistent)");
                }
            }

            if (list.Contains("ro") && list.Contains("rw"))
            {
                throw Invalid(spec, "it is both ro and rw");
            }
        }

        private static InvalidSpecException Invalid(string spec, string reason) => new InvalidSpecException(
            Parameter,
            spec,
            $"'{spec}' is not a valid volume: {reason}. Use '/container/path', 'name:/container/path' or '/host/path:/container/path[:ro]'.");
    }
}
