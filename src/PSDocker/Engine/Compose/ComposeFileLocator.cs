using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Finds the compose files as docker compose v2 does (compose-go <c>cli/options.go</c>): in the working
    /// directory, then each parent up to the root, the first folder holding one of compose.yaml,
    /// compose.yml, docker-compose.yml, docker-compose.yaml wins; of several there, the first in that
    /// order is used with a warning; an override file (compose.override.yml, compose.override.yaml,
    /// docker-compose.override.yml, docker-compose.override.yaml) beside it is merged after it.
    /// </summary>
    internal static class ComposeFileLocator
    {
        /// <summary>compose's file names, in its order of preference.</summary>
        public static readonly string[] FileNames = { "compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml" };

        /// <summary>compose's override file names, in its order of preference.</summary>
        public static readonly string[] OverrideFileNames = { "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml" };

        /// <summary>The files to merge, found from <paramref name="directory"/> upwards; empty when there are none.</summary>
        public static IReadOnlyList<string> Find(string directory, ICollection<string> warnings)
        {
            var folder = Path.GetFullPath(directory);
            while (true)
            {
                var candidates = Existing(FileNames, folder);
                if (candidates.Count > 0)
                {
                    var result = new List<string> { candidates[0] };
                    if (candidates.Count > 1)
                    {
                        warnings.Add($"Found multiple config files with supported names: {string.Join(", ", candidates)}");
                        warnings.Add($"Using {candidates[0]}");
                    }

                    var overrides = Existing(OverrideFileNames, folder);
                    if (overrides.Count > 0)
                    {
                        if (overrides.Count > 1)
                        {
                            warnings.Add($"Found multiple override files with supported names: {string.Join(", ", overrides)}");
                            warnings.Add($"Using {overrides[0]}");
                        }

                        result.Add(overrides[0]);
                    }

                    return result;
                }

                var parent = Path.GetDirectoryName(folder);
                if (string.IsNullOrEmpty(parent) || parent == folder)
                {
                    return Array.Empty<string>();
                }

                folder = parent!;
            }
        }

        private static List<string> Existing(IEnumerable<string> names, string folder) =>
            names.Select(n => Path.Combine(folder, n)).Where(File.Exists).ToList();
    }
}
