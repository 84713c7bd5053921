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

        /// <summary>Whether any filter is set.</summary>
        public bool IsFiltered => ToFilters() is not null;

        /// <summary>The engine's filter dictionary, or null when nothing filters.</summary>
        public IDictionary<string, IDictionary<string, bool>>? ToFilters() => EngineFilters.Build(
            ("status", States.Select(ContainerStates.ToFilter)),
            ("label", Labels),
            ("ancestor", Ancestors),
            ("id", Ids));
    }
}
