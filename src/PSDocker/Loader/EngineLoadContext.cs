using System.Reflection;
using System.Runtime.Loader;

namespace PSDocker.Loading
{
    /// <summary>
    /// PowerShell 7: the context PSDocker.Engine.dll and its packages load into. A name the module ships
    /// comes from its Dependencies folder unless the platform already has it (at that version or
    /// newer); everything else (PowerShell, .NET, PSDocker.dll) comes from the default context, so
    /// the types the cmdlets and the engine share are the same types.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly DependencyCatalog _catalog;
        private readonly PlatformAssemblies _platform;

        public EngineLoadContext(DependencyCatalog catalog, PlatformAssemblies platform)
        {
            _catalog = catalog;
            _platform = platform;
        }

        /// <inheritdoc />
        protected override Assembly? Load(AssemblyName assemblyName) =>
            _catalog.Find(assemblyName) is { } path && !_platform.Satisfies(assemblyName)
                ? LoadFromAssemblyPath(path)
                : null;
    }
}
