using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// Makes the tests use the PSDocker.dll of the built module folder (out/PSDocker) — the very file
/// Import-Module loads in the runspace — instead of a copy in the test output, so the types the tests
/// assert on and the module under test are one assembly.
/// </summary>
internal static class ModuleAssemblyLoader
{
    [ModuleInitializer]
    internal static void Register() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "PSDocker" && ModuleDirectory() is { } dir
                ? context.LoadFromAssemblyPath(Path.Combine(dir, "PSDocker.dll"))
                : null;

    /// <summary>The built module folder, found upwards from the test output.</summary>
    internal static string? ModuleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "out", "PSDocker");
            if (File.Exists(Path.Combine(candidate, "PSDocker.psd1")))
            {
                return candidate;
            }
        }

        return null;
    }
}
