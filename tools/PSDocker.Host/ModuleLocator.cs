namespace PSDocker.Host;

/// <summary>
/// Finds the PSDocker module to import: the -Module path (a .psd1, or the folder holding
/// PSDocker.psd1), else out/PSDocker of the checkout this host was built in, looked for upwards from
/// the host's own folder (out/PSDocker.Host sits beside out/PSDocker).
/// </summary>
internal static class ModuleLocator
{
    public const string ManifestName = "PSDocker.psd1";

    /// <summary>The manifest to import; throws <see cref="FileNotFoundException"/> with what to do.</summary>
    public static string Find(string? requested, string hostDirectory)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            var path = Path.GetFullPath(requested);
            var manifest = path.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase) ? path : Path.Combine(path, ManifestName);
            return File.Exists(manifest)
                ? manifest
                : throw new FileNotFoundException($"-Module {requested}: no module manifest at {manifest}.", manifest);
        }

        for (var dir = new DirectoryInfo(hostDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "PSDocker", ManifestName), Path.Combine(dir.FullName, "out", "PSDocker", ManifestName) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"The PSDocker module was not found beside the host ({hostDirectory}) or in an out/PSDocker above it. Build it (./build.sh, or dotnet build src/PSDocker) or pass -Module PATH.");
    }
}
