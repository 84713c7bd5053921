using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The <c>.dockerignore</c> patterns of a build context, matched as moby's pattern matcher (the
    /// docker CLI's) matches them: every pattern is checked in order, a later pattern overriding an
    /// earlier one, so <c>!</c> exceptions re-include what an earlier pattern excluded; a path is also
    /// excluded when a pattern matches one of its parent folders. Paths are slash-separated and relative
    /// to the context. Malformed patterns are a <see cref="FormatException"/>.
    /// </summary>
    internal sealed class IgnorePatternMatcher
    {
        private readonly List<IgnorePattern> _patterns = new List<IgnorePattern>();

        /// <summary>Reads the patterns: spaces trimmed, blank ones skipped, each cleaned like a path.</summary>
        public IgnorePatternMatcher(IEnumerable<string> patterns)
        {
            foreach (var raw in patterns)
            {
                var p = raw.Trim();
                if (p.Length == 0)
                {
                    continue;
                }

                p = Clean(p);
                var exception = false;
                if (p[0] == '!')
                {
                    if (p.Length == 1)
                    {
                        throw new FormatException("'!' is not a valid pattern: an exception needs a pattern after the '!'.");
                    }

                    exception = true;
                    p = p.Substring(1);
                }

                if (!IsValidGlob(p))
                {
                    throw new FormatException($"'{p}' is not a valid pattern: syntax error in pattern.");
                }

                _patterns.Add(new IgnorePattern(p, exception));
            }
        }

        /// <summary>Whether any pattern is an exception (<c>!pattern</c>).</summary>
        public bool HasExceptions => _patterns.Exists(p => p.IsException);

        /// <summary>The patterns, in order.</summary>
        public IReadOnlyList<IgnorePattern> Patterns => _patterns;

        /// <summary>
        /// Whether <paramref name="file"/> is excluded: matched by a pattern, or inside a folder a pattern
        /// matches, and not re-included by a later exception.
        /// </summary>
        public bool MatchesOrParentMatches(string file) => MatchesUsingParentResults(file, null, out _);

        /// <summary>
        /// <see cref="MatchesOrParentMatches(string)"/> for a walk of the context: <paramref name="parentMatches"/>
        /// holds which patterns matched the parent folder (null when unknown), and
        /// <paramref name="matches"/> receives which match this path, for its children.
        /// </summary>
        public bool MatchesUsingParentResults(string file, bool[]? parentMatches, out bool[] matches)
        {
            matches = new bool[_patterns.Count];
            var matched = false;
            for (var i = 0; i < _patterns.Count; i++)
            {
                var pattern = _patterns[i];
                var match = parentMatches is not null && parentMatches[i];
                if (!match)
                {
                    // An inclusion cannot change a match, nor an exception a non-match.
                    if (pattern.IsException != matched)
                    {
                        continue;
                    }

                    match = pattern.Matches(file);
                    if (!match && parentMatches is null && ParentSegments(file) is { } parents)
                    {
                        for (var j = 0; j < parents.Length && !match; j++)
                        {
                            match = SafeMatch(pattern, string.Join("/", parents, 0, j + 1));
                        }
                    }
                }

                matches[i] = match;
                if (match)
                {
                    matched = !pattern.IsException;
                }
            }

            return matched;
        }

        /// <summary>
        /// Moby's older check, which the docker CLI still uses to decide whether the Dockerfile and the
        /// <c>.dockerignore</c> need an exception of their own: only the parent folder as deep as the
        /// pattern is checked.
        /// </summary>
        public bool MatchesParentAtPatternDepth(string file)
        {
            var matched = false;
            var parents = ParentSegments(file);
            foreach (var pattern in _patterns)
            {
                if (pattern.IsException != matched)
                {
                    continue;
                }

                var match = pattern.Matches(file);
                if (!match && parents is not null && pattern.Segments.Length <= parents.Length)
                {
                    match = SafeMatch(pattern, string.Join("/", parents, 0, pattern.Segments.Length));
                }

                if (match)
                {
                    matched = !pattern.IsException;
                }
            }

            return matched;
        }

        /// <summary>Whether <paramref name="file"/> is excluded by <paramref name="patterns"/> (moby's older <c>Matches</c>); "." never is.</summary>
        public static bool Matches(string file, IEnumerable<string> patterns)
        {
            var matcher = new IgnorePatternMatcher(patterns);
            file = Clean(file);
            return file != "." && matcher.MatchesParentAtPatternDepth(file);
        }

        /// <summary>Whether <paramref name="file"/> is excluded by <paramref name="patterns"/>, its parent folders included; "." never is.</summary>
        public static bool MatchesOrParentMatches(string file, IEnumerable<string> patterns)
        {
            var matcher = new IgnorePatternMatcher(patterns);
            file = Clean(file);
            return file != "." && matcher.MatchesOrParentMatches(file);
        }

        /// <summary>
        /// The shortest equivalent of a slash-separated path, as Go's <c>path.Clean</c> makes it: repeated
        /// slashes and <c>.</c> segments dropped, <c>..</c> resolved, no trailing slash, "." for nothing.
        /// </summary>
        public static string Clean(string path)
        {
            if (path.Length == 0)
            {
                return ".";
            }

            var rooted = path[0] == '/';
            var kept = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment.Length == 0 || segment == ".")
                {
                    continue;
                }

                if (segment == "..")
                {
                    if (kept.Count > 0 && kept[kept.Count - 1] != "..")
                    {
                        kept.RemoveAt(kept.Count - 1);
                    }
                    else if (!rooted)
                    {
                        kept.Add(segment);
                    }

                    continue;
                }

                kept.Add(segment);
            }

            var joined = string.Join("/", kept);
            return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
        }

        /// <summary>
        /// Whether a pattern is well formed for Go's <c>filepath.Match</c>: a <c>\</c> escapes a character,
        /// a class <c>[...]</c> is closed, not empty, and its ranges have both ends (a class cannot start
        /// with <c>-</c> or <c>]</c> unescaped).
        /// </summary>
        public static bool IsValidGlob(string pattern)
        {
            var i = 0;
            while (i < pattern.Length)
            {
                var ch = pattern[i++];
                if (ch == '\\')
                {
                    if (i == pattern.Length)
                    {
                        return false;
                    }

                    i++;
                }
                else if (ch == '[')
                {
                    if (i < pattern.Length && pattern[i] == '^')
                    {
                        i++;
                    }

                    var ranges = 0;
                    while (true)
                    {
                        if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
                        {
                            i++;
                            break;
                        }

                        if (!ClassCharacter(pattern, ref i))
                        {
                            return false;
                        }

                        if (pattern[i] == '-')
                        {
                            i++;
                            if (!ClassCharacter(pattern, ref i))
                            {
                                return false;
                            }
                        }

                        ranges++;
                    }
                }
            }

            return true;
        }

        /// <summary>One (possibly escaped) character of a class; something must follow it.</summary>
        private static bool ClassCharacter(string pattern, ref int i)
        {
            if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
            {
                return false;
            }

            if (pattern[i] == '\\')
            {
                i++;
                if (i >= pattern.Length)
                {
                    return false;
                }
            }

            i += char.IsHighSurrogate(pattern[i]) && i + 1 < pattern.Length ? 2 : 1;
            return i < pattern.Length;
        }

        /// <summary>The parent folders' segments of a path, or null for a path at the top of the context.</summary>
        private static string[]? ParentSegments(string file)
        {
            // Go's filepath.Dir: everything up to the last slash, cleaned ("dir/" is the parent of "dir/").
            var slash = file.LastIndexOf('/');
            if (slash < 0)
            {
                return null;
            }

            var parent = Clean(file.Substring(0, slash + 1));
            return parent == "." ? null : parent.Split('/');
        }

        /// <summary>A parent folder's match; moby ignores a malformed pattern's error there (the path itself reported it).</summary>
        private static bool SafeMatch(IgnorePattern pattern, string path)
        {
            try
            {
                return pattern.Matches(path);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
