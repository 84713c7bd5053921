using System.Management.Automation;

namespace PSDocker.Loading
{
    /// <summary>
    /// Runs when PowerShell imports PSDocker.Loader.dll, the manifest's first nested module, before it
    /// loads PSDocker.dll: from then on the engine layer and its packages load from the module's
    /// Dependencies folder in their own context.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        /// <inheritdoc />
        public void OnImport() => DependencyIsolation.Register();
    }
}
