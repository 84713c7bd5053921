using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PSDocker.Loading
{
    /// <summary>
    /// Makes the module's dependencies load from its Dependencies folder, isolated from whatever else
    /// the session has loaded. Registered once per process, before PowerShell reads PSDocker.dll.
    /// </summary>
    internal static class DependencyIsolation
    {
        /// <summary>The one assembly the cmdlets reference across the seam.</summary>
        internal const string EngineAssemblyName = "PSDocker.Engine";

        private static readonly object Gate = new object();
        private static bool _registered;

        /// <summary>The module's folder (where PSDocker.dll, PSDocker.Model.dll and this assembly are).</summary>
        internal static string ModuleDirectory => Path.GetDirectoryName(typeof(DependencyIsolation).Assembly.Location) ?? string.Empty;

        /// <summary>The folder the module ships the engine layer and its packages in.</summary>
        internal static string DependencyDirectory => Path.Combine(ModuleDirectory, DependencyCatalog.FolderName);

        /// <summary>True on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell 5.1).</summary>
        internal static bool IsCoreClr => typeof(object).Assembly.GetName().Name == "System.Private.CoreLib";

        /// <summary>Registers the resolver for this runtime, once.</summary>
        public static void Register()
        {
            lock (Gate)
            {
                if (_registered)
                {
                    return;
                }

                if (IsCoreClr)
                {
                    RegisterCore(new DependencyCatalog(DependencyDirectory));
                }
                else
                {
                    RegisterDesktop(DesktopResolver.ForModule(ModuleDirectory));
                }

                _registered = true;
            }
        }

        // Separate methods so that .NET Framework never compiles the one that names AssemblyLoadContext.
        private static void RegisterCore(DependencyCatalog catalog)
        {
            var context = new EngineLoadContext(catalog, PlatformAssemblies.FromRuntime(PlatformVersion));
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                string.Equals(name.Name, EngineAssemblyName, StringComparison.OrdinalIgnoreCase) && catalog.Find(name) is not null
                    ? context.LoadFromAssemblyName(name)
                    : null;
        }

        // The version of the platform's copy of an assembly (asked only for names in the platform's
        // list): the one PowerShell's own context has loaded, else loaded there by name (it is the copy
        // that would serve anyway), so no file's metadata is read.
        private static Version? PlatformVersion(string name)
        {
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                var loaded = assembly.GetName();
                if (string.Equals(loaded.Name, name, StringComparison.OrdinalIgnoreCase) && AssemblyLoadContext.GetLoadContext(assembly) == AssemblyLoadContext.Default)
                {
                    return loaded.Version;
                }
            }

            try
            {
                return AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName(name)).GetName().Version;
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                return null;
            }
        }

        private static void RegisterDesktop(DesktopResolver resolver)
        {
            AppDomain.CurrentDomain.AssemblyResolve += (_, args) => resolver.Resolve(args.Name);
        }
    }
}
