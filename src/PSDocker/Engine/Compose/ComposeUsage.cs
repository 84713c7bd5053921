using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>What a set of services uses of the project's top-level networks and volumes (by their keys in the file).</summary>
    internal static class ComposeUsage
    {
        /// <summary>The keys of the networks the services join.</summary>
        public static HashSet<string> Networks(IEnumerable<ComposeServiceConfig> services) =>
            new HashSet<string>(services.SelectMany(s => s.Networks.Keys), StringComparer.Ordinal);

        /// <summary>The keys of the named volumes the services mount.</summary>
        public static HashSet<string> Volumes(IEnumerable<ComposeServiceConfig> services) =>
            new HashSet<string>(services.SelectMany(s => s.Volumes).Where(m => m.Type == "volume" && m.Source is not null).Select(m => m.Source!), StringComparer.Ordinal);
    }
}
