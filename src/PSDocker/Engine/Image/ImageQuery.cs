using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>Server-side filters for an image listing (<c>docker images [-a] --filter …</c>).</summary>
    public sealed class ImageQuery
    {
        /// <summary>Also list intermediate images (<c>docker images -a</c>).</summary>
        public bool All { get; set; }

        /// <summary>Only untagged images (<c>--filter dangling=true</c>).</summary>
        public bool Dangling { get; set; }

        /// <summary>Label filters: <c>key</c> or <c>key=value</c>; all must match.</summary>
        public IList<string> Labels { get; } = new List<string>();

        /// <summary>Whether any filter is set.</summary>
        public bool IsFiltered => ToFilters() is not null;

        /// <summary>The engine's filter dictionary, or null when nothing filters.</summary>
        public IDictionary<string, IDictionary<string, bool>>? ToFilters() => EngineFilters.Build(
            ("dangling", Dangling ? new[] { "true" } : Array.Empty<string>()),
            ("label", Labels));
    }
}
