using System;
using System.Linq;
using System.Reflection;

namespace PSDocker.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: .NET Framework binds strong-named assemblies by exact version and
    /// powershell.exe has no binding redirects for PSDocker, so a request for any assembly the module
    /// ships, whatever version it names, is answered with the module's copy. Nothing else is answered.
    /// </summary>
    internal sealed class DesktopResolver
    {
        private readonly DependencyCatalog _catalog;

        public DesktopResolver(DependencyCatalog catalog) => _catalog = catalog;

        /// <summary>The resolver of an installed module: the assemblies of its folder and of its Dependencies folder.</summary>
        public static DesktopResolver ForModule(string moduleDirectory)
        {
            var dependencies = System.IO.Path.Combine(moduleDirectory, DependencyCatalog.FolderName);
            return new DesktopResolver(new DependencyCatalog(dependencies, DependencyCatalog.DllsIn(moduleDirectory).Concat(DependencyCatalog.DllsIn(dependencies))));
        }

        /// <summary>The path that answers a request by its display name; null for names the module does not ship.</summary>
        public string? PathFor(string requestedName)
        {
            AssemblyName name;
            try
            {
                name = new AssemblyName(requestedName);
            }
            catch (Exception e) when (e is ArgumentException or System.IO.FileLoadException)
            {
                return null;
            }

            return _catalog.Find(name);
        }

        /// <summary>The AssemblyResolve answer.</summary>
        public Assembly? Resolve(string requestedName) => PathFor(requestedName) is { } path ? Assembly.LoadFrom(path) : null;
    }
}
