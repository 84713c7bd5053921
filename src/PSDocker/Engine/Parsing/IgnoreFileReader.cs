using System.Collections.Generic;
using System.IO;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads a <c>.dockerignore</c> as the docker CLI does (moby's ignorefile): a UTF-8 byte-order mark
    /// dropped, lines starting with <c>#</c> skipped as comments, the rest trimmed, blank lines skipped,
    /// each pattern cleaned like a path with a leading <c>/</c> removed (<c>/a</c> and <c>./a</c> are
    /// <c>a</c>), and a leading <c>!</c> kept.
    /// </summary>
    internal static class IgnoreFileReader
    {
        /// <summary>The patterns of an ignore file's text.</summary>
        public static IList<string> Read(TextReader reader)
        {
            var patterns = new List<string>();
            var first = true;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                if (first && line.Length > 0 && line[0] == '\uFEFF')
                {
                    line = line.Substring(1);
                }

                first = false;
                if (line.StartsWith("#", System.StringComparison.Ordinal))
                {
                    continue;
                }

                var pattern = line.Trim();
                if (pattern.Length == 0)
                {
                    continue;
                }

                var exception = pattern[0] == '!';
                if (exception)
                {
                    pattern = pattern.Substring(1).Trim();
                }

                if (pattern.Length > 0)
                {
                    if (Path.DirectorySeparatorChar == '\\')
                    {
                        // On Windows the CLI cleans with the host's separator, then writes slashes.
                        pattern = pattern.Replace('\\', '/');
                    }

                    pattern = IgnorePatternMatcher.Clean(pattern);
                    if (pattern.Length > 1 && pattern[0] == '/')
                    {
                        pattern = pattern.Substring(1);
                    }
                }

                patterns.Add(exception ? "!" + pattern : pattern);
            }

            return patterns;
        }
    }
}
