using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Services in dependency order (a service after everything it depends on), stable in the given
    /// order otherwise; a cycle is a ComposeDependencyCycle error naming it.
    /// </summary>
    internal static class ComposeDependencyOrder
    {
        /// <summary>Orders <paramref name="services"/>; dependencies outside the list are ignored.</summary>
        public static IList<string> Sort(IReadOnlyList<string> services, Func<string, IEnumerable<string>> dependenciesOf)
        {
            var known = new HashSet<string>(services, StringComparer.Ordinal);
            var ordered = new List<string>();
            var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
            var path = new List<string>();

            void Visit(string service)
            {
                if (state.TryGetValue(service, out var s))
                {
                    if (s == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(service)).Concat(new[] { service });
                        throw new ComposeFileException("ComposeDependencyCycle", "The services depend on each other in a cycle: " + string.Join(" -> ", cycle) + ". Remove one of these depends_on entries.");
                    }

                    return;
                }

                state[service] = 1;
                path.Add(service);
                foreach (var dependency in dependenciesOf(service).Where(known.Contains).OrderBy(d => d, StringComparer.Ordinal))
                {
                    Visit(dependency);
                }

                path.RemoveAt(path.Count - 1);
                state[service] = 2;
                ordered.Add(service);
            }

            foreach (var service in services)
            {
                Visit(service);
            }

            return ordered;
        }
    }
}
