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
        public IDictionary<string, IDictionary<string, bool>>? ToFilters()
        {
            var filters = new Dictionary<string, IDictionary<string, bool>>();
            void Add(string key, IEnumerable<string> values)
            {
                var set = values.Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => true, StringComparer.Ordinal);
                if (set.Count > 0)
                {
                    filters[key] = set;
                }
            }

            Add("status", States.Select(ContainerStates.ToFilter));
            Add("label", Labels);
            Add("ancestor", Ancestors);
            Add("id", Ids);
            return filters.Count == 0 ? null : filters;
        }
    }
}
