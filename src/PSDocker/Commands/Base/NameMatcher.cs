using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Picks from an engine's listing the resources a user named, the way the engine resolves a reference:
    /// a wildcard matches names; a plain string is an exact name or, when no resource has that name, an id
    /// prefix (so 'abc' never picks another resource whose id starts with abc); an -Id is an id prefix.
    /// Remembers which references matched, so the rest can be reported as not found.
    /// </summary>
    internal sealed class NameMatcher<T>
        where T : class
    {
        private readonly ResourceKind<T> _kind;
        private readonly IReadOnlyList<string> _names;
        private readonly IReadOnlyList<string> _ids;
        private readonly HashSet<string> _found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Creates a matcher for names (wildcards allowed) and ids.</summary>
        public NameMatcher(ResourceKind<T> kind, IEnumerable<string> names, IEnumerable<string> ids)
        {
            _kind = kind;
            _names = names.ToList();
            _ids = ids.ToList();
        }

        /// <summary>Whether nothing was named (everything matches).</summary>
        public bool MatchesAll => _names.Count == 0 && _ids.Count == 0;

        /// <summary>The resources of one engine's listing that were named, in listing order.</summary>
        public IEnumerable<T> Select(IEnumerable<T> listing)
        {
            var all = listing.ToList();
            if (MatchesAll)
            {
                return all;
            }

            var exact = new HashSet<string>(all.SelectMany(_kind.NamesOf).Where(n => _names.Contains(n, StringComparer.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase);
            return all.Where(r => Matches(r, exact)).ToList();
        }

        /// <summary>The plain names and ids that matched nothing so far.</summary>
        public IEnumerable<string> Missing =>
            _names.Concat(_ids).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !_found.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase);

        private bool Matches(T resource, HashSet<string> exactNames)
        {
            var id = _kind.IdOf(resource);
            var names = _kind.NamesOf(resource);
            var matched = false;
            foreach (var name in _names)
            {
                bool hit;
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                    hit = names.Any(pattern.IsMatch);
                }
                else
                {
                    hit = exactNames.Contains(name)
                        ? names.Contains(name, StringComparer.OrdinalIgnoreCase)
                        : IsIdPrefix(id, name);
                }

                if (hit)
                {
                    _found.Add(name);
                    matched = true;
                }
            }

            foreach (var prefix in _ids.Where(p => IsIdPrefix(id, p)))
            {
                _found.Add(prefix);
                matched = true;
            }

            return matched;
        }

        private static bool IsIdPrefix(string id, string prefix) =>
            id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || (id.StartsWith("sha256:", StringComparison.Ordinal) && id.Substring(7).StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }
}
