using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>Server-side filters for a network listing (<c>docker network ls --filter …</c>).</summary>
    public sealed class NetworkQuery
    {
        /// <summary>Only networks of these drivers.</summary>
        public IList<string> Drivers { get; } = new List<string>();

        /// <summary>Label filters: <c>key</c> or <c>key=value</c>; all must match.</summary>
        public IList<string> Labels { get; } = new List<string>();

        /// <summary>Whether any filter is set.</summary>
        public bool IsFiltered => ToFilters() is not null;

        /// <summary>The engine's filter dictionary, or null when nothing filters.</summary>
        public IDictionary<string, IDictionary<string, bool>>? ToFilters() => EngineFilters.Build(
            ("driver", Drivers),
            ("label", Labels));
    }
}
