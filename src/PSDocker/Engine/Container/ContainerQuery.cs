using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>Server-side filters for a container listing (<c>docker ps -a --filter …</c>).</summary>
    public sealed class ContainerQuery
    {
        /// <summary>Only containers in these states.</summary>
        public IList<ContainerState> States { get; } = new List<ContainerState>();

        /// <summary>Label filters: <c>key</c> or <c>key=value</c>; all must match.</summary>
        public IList<string> Labels { get; } = new List<string>();

        /// <summary>Only containers created from these images (or their descendants).</summary>
        public IList<string> Ancestors { get; } = new List<string>();

        /// <summary>Only these ids (full or prefix).</summary>
        public IList<string> Ids { get; } = new List<string>();

        /// <summary>
        /// Name filters: regular expressions the engine matches against a container's name (docker ps
        /// --filter name=…); any may match. See <see cref="NamePrefixPattern"/>.
        /// </summary>
        public IList<string> NamePatterns { get; } = new List<string>();

        /// <summary>Whether any filter is set.</summary>
        public bool IsFiltered => ToFilters() is not null;

        /// <summary>The engine's filter dictionary, or null when nothing filters.</summary>
        public IDictionary<string, IDictionary<string, bool>>? ToFilters() => EngineFilters.Build(
            ("status", States.Select(ContainerStates.ToFilter)),
            ("label", Labels),
            ("ancestor", Ancestors),
            ("id", Ids),
            ("name", NamePatterns));

        /// <summary>
        /// The name filter for the containers whose name starts with <paramref name="prefix"/>, ignoring
        /// case; null when the prefix is empty or has a character no container name can have (the caller
        /// lists everything then). Docker matches the filter against the names as it lists them
        /// (<c>/web</c>), Podman against the bare name (<c>web</c>): the pattern fits both.
        /// </summary>
        public static string? NamePrefixPattern(string prefix)
        {
            if (prefix.Length == 0 || !prefix.All(IsNameCharacter))
            {
                return null;
            }

            return "(?i)^/?" + prefix.Replace(".", "\\.");
        }

        // What docker allows in a container name: [a-zA-Z0-9][a-zA-Z0-9_.-]*.
        private static bool IsNameCharacter(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }
}
