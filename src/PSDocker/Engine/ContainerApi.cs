using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

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

    /// <summary>Container calls that return PSDocker objects, shared by the container cmdlets.</summary>
    public static class ContainerApi
    {
        /// <summary>Lists all containers (running or not) matching the query, as <c>docker ps -a</c> does.</summary>
        public static async Task<IList<Container>> ListAsync(EngineConnection engine, ContainerQuery query, CancellationToken cancellation)
        {
            var response = await engine.Client.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = query.ToFilters() },
                cancellation).ConfigureAwait(false);
            return response.Select(r => Container.From(r, engine.Engine)).ToList();
        }

        /// <summary>The listing record of one container by its full id; null when it is gone.</summary>
        public static async Task<Container?> GetByIdAsync(EngineConnection engine, string id, CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            query.Ids.Add(id);
            var list = await ListAsync(engine, query, cancellation).ConfigureAwait(false);
            return list.FirstOrDefault(c => c.Id == id);
        }

        /// <summary>
        /// The listing record of the container a user's reference (name, id or id prefix) names, resolved
        /// by the engine in its own order; null when it is gone.
        /// </summary>
        public static async Task<Container?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation)
        {
            if (IsFullId(reference))
            {
                // A piped object's id needs no resolving: one call, not two.
                return await GetByIdAsync(engine, reference, cancellation).ConfigureAwait(false);
            }

            string id;
            try
            {
                id = (await engine.Client.Containers.InspectContainerAsync(reference, cancellation).ConfigureAwait(false)).ID;
            }
            catch (Docker.DotNet.DockerContainerNotFoundException)
            {
                return null;
            }

            return await GetByIdAsync(engine, id, cancellation).ConfigureAwait(false);
        }

        /// <summary>Whether a reference is a full container id (64 lowercase hex digits).</summary>
        public static bool IsFullId(string reference) =>
            reference.Length == 64 && reference.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        /// <summary>Inspects one container (name, id or id prefix).</summary>
        public static async Task<ContainerDetail> InspectAsync(EngineConnection engine, string reference, CancellationToken cancellation)
        {
            var response = await engine.Client.Containers.InspectContainerAsync(reference, cancellation).ConfigureAwait(false);
            return ContainerDetail.From(response, engine.Engine);
        }
    }
}
