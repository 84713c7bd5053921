using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace PSDocker.Loading
{
    /// <summary>
    /// What PowerShell 7 itself provides (its trusted platform assemblies: .NET and pwsh's own
    /// dependencies). Where it has an assembly at the version asked for or newer, the engine's context
    /// uses that one rather than the module's copy (System.Text.Json, System.Memory, …); a name it has
    /// only in an older version, or not at all, is loaded from the module.
    /// </summary>
    internal sealed class PlatformAssemblies
    {
        private readonly Dictionary<string, string> _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Version?> _versions = new Dictionary<string, Version?>(StringComparer.OrdinalIgnoreCase);
        private readonly Func<string, Version?>? _loadedVersion;

        /// <summary>
        /// From the runtime's TRUSTED_PLATFORM_ASSEMBLIES list; <paramref name="loadedVersion"/> gives the
        /// version of a platform assembly from the runtime itself, which spares reading the file's
        /// metadata (and loading System.Reflection.Metadata to do it); null falls back to reading it.
        /// </summary>
        public static PlatformAssemblies FromRuntime(Func<string, Version?>? loadedVersion = null) =>
            new PlatformAssemblies((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty).Split(Path.PathSeparator), loadedVersion);

        /// <summary>From a list of assembly paths.</summary>
        public PlatformAssemblies(IEnumerable<string> paths, Func<string, Version?>? loadedVersion = null)
        {
            _loadedVersion = loadedVersion;
            foreach (var path in paths)
            {
                if (path.Length > 0)
                {
                    _paths[Path.GetFileNameWithoutExtension(path)] = path;
                }
            }
        }

        /// <summary>Whether the platform's copy satisfies the request (same name, version at least the one asked for).</summary>
        public bool Satisfies(AssemblyName requested)
        {
            if (requested.Name is not { Length: > 0 } name || !_paths.TryGetValue(name, out var path))
            {
                return false;
            }

            lock (_versions)
            {
                if (!_versions.TryGetValue(name, out var version))
                {
                    try
                    {
                        version = _loadedVersion?.Invoke(name) ?? AssemblyName.GetAssemblyName(path).Version;
                    }
                    catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
                    {
                        version = null;
                    }

                    _versions[name] = version;
                }

                return Prefer(requested.Version, version);
            }
        }

        /// <summary>The rule: the platform's copy serves when it exists and is not older than the request.</summary>
        public static bool Prefer(Version? requested, Version? platform) =>
            platform is not null && (requested is null || platform >= requested);
    }
}
