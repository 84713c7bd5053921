using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace PSDocker.Loading
{
    /// <summary>
    /// The assemblies the module ships in its Dependencies folder, by simple name. Both resolvers ask
    /// it, and it answers only for those names: a request for anything else gets nothing.
    /// </summary>
    internal sealed class DependencyCatalog
    {
        /// <summary>The name of the module's folder of dependencies, beside its root assemblies.</summary>
        public const string FolderName = "Dependencies";

        private readonly Dictionary<string, string> _paths;

        /// <summary>Reads the folder's <c>*.dll</c> names (no file is opened).</summary>
        public DependencyCatalog(string directory)
            : this(directory, DllsIn(directory))
        {
        }

        /// <summary>A catalog of the given files (for tests).</summary>
        public DependencyCatalog(string directory, IEnumerable<string> files)
        {
            Folder = directory;
            _paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                _paths[Path.GetFileNameWithoutExtension(file)] = file;
            }
        }

        /// <summary>The <c>*.dll</c> files of a folder; none when it does not exist.</summary>
        public static string[] DllsIn(string directory) =>
            Directory.Exists(directory) ? Directory.GetFiles(directory, "*.dll") : Array.Empty<string>();

        /// <summary>The Dependencies folder.</summary>
        public string Folder { get; }

        /// <summary>The simple names shipped.</summary>
        public IEnumerable<string> Names => _paths.Keys;

        /// <summary>
        /// The shipped copy for a request, whatever version it asks for; null when the module does not ship
        /// that name (or the request has no name).
        /// </summary>
        public string? Find(AssemblyName requested) =>
            requested.Name is { Length: > 0 } name && _paths.TryGetValue(name, out var path) ? path : null;
    }
}
