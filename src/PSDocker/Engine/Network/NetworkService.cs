using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Every network call of the engine (<c>docker network ls</c>, inspect, create, rm, prune, connect,
    /// disconnect), returning PSDocker objects. Failures leave as <see cref="EngineException"/>s
    /// classified by <see cref="Refusals"/>.
    /// </summary>
    public sealed class NetworkService : EngineService
    {
        /// <summary>The engine's network refusals, by message (engine 20.10's wording).</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Network",
            new Refusal("has active endpoints", false, "NetworkInUse", ErrorCategory.ResourceBusy),
            new Refusal("is a pre-defined network", false, "NetworkPredefined", ErrorCategory.InvalidOperation),
            new Refusal("only one instance of", false, "NetworkPredefined", ErrorCategory.InvalidOperation),
            new Refusal("is ambiguous", false, "NetworkAmbiguous", ErrorCategory.InvalidArgument),
            new Refusal("already exists in network", false, "ContainerAlreadyConnected", ErrorCategory.ResourceExists),
            new Refusal("is not connected to", false, "ContainerNotConnected", ErrorCategory.InvalidOperation),
            new Refusal("already exists", false, "NetworkNameInUse", ErrorCategory.ResourceExists),
            new Refusal("is not running", false, "ContainerNotRunning", ErrorCategory.InvalidOperation),
            new Refusal("invalid", false, "InvalidArgument", ErrorCategory.InvalidArgument),
            // "could not find an available, non-overlapping IPv4 address pool among the defaults": a 404 that is no missing network.
            new Refusal("non-overlapping", true, "NetworkAddressPoolExhausted", ErrorCategory.ResourceUnavailable),
            new Refusal("non-overlapping", false, "NetworkAddressPoolExhausted", ErrorCategory.ResourceUnavailable),
            // "Pool overlaps with other one on this address space" (a 403 that is no permission problem).
            new Refusal("overlaps with", false, "NetworkSubnetOverlaps", ErrorCategory.ResourceExists),
            new Refusal("no such container", true, "ContainerNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("plugin", true, "NetworkDriverNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("not found", true, "NetworkNotFound", ErrorCategory.ObjectNotFound));

        internal NetworkService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>
        /// Lists the networks matching the query (<c>docker network ls</c>). The engine's listing does not
        /// carry the attached containers; with <paramref name="withContainers"/> each network is also
        /// inspected (concurrently) so they are filled in, as <c>docker network inspect</c> shows them.
        /// </summary>
        public async Task<IList<ContainerNetwork>> ListAsync(NetworkQuery query, bool withContainers, CancellationToken cancellation)
        {
            var response = await Call(c => c.Networks.ListNetworksAsync(new NetworksListParameters { Filters = query.ToFilters() }, cancellation), cancellation).ConfigureAwait(false);
            var networks = response.Select(r => NetworkRecords.ToNetwork(r, Engine.Engine)).ToList();
            if (!withContainers)
            {
                return networks;
            }

            var inspected = await Task.WhenAll(networks.Select(async n =>
            {
                try
                {
                    return await InspectAsync(n.Id, cancellation).ConfigureAwait(false);
                }
                catch (EngineException e) when (e.ErrorId == "NetworkNotFound")
                {
                    return null; // removed between the listing and the inspection
                }
            })).ConfigureAwait(false);
            return inspected.Where(n => n is not null).Select(n => n!).ToList();
        }

        /// <summary>Inspects one network (name, id or id prefix), with its attached containers.</summary>
        public async Task<ContainerNetwork> InspectAsync(string reference, CancellationToken cancellation)
        {
            var response = await Call(c => c.Networks.InspectNetworkAsync(reference, cancellation), cancellation).ConfigureAwait(false);
            return NetworkRecords.ToNetwork(response, Engine.Engine);
        }

        /// <summary>The network a user's reference (name, id or id prefix) names, resolved by the engine; null when there is none.</summary>
        public async Task<ContainerNetwork?> FindAsync(string reference, CancellationToken cancellation)
        {
            try
            {
                return await InspectAsync(reference, cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.ErrorId == "NetworkNotFound")
            {
                return null;
            }
        }

        /// <summary>
        /// Creates a network (<c>docker network create</c>) and returns it. A name that is taken is a
        /// NetworkNameInUse refusal, as the docker CLI gets it: engine 20.10 refuses duplicates only when
        /// asked (CheckDuplicate, which this client cannot send), so the name is checked first, and a
        /// duplicate made in a race is removed again.
        /// </summary>
        public async Task<ContainerNetwork> CreateAsync(NetworkCreateOptions options, CancellationToken cancellation)
        {
            var parameters = options.ToParameters();
            if (await NameTakenAsync(options.Name, cancellation).ConfigureAwait(false))
            {
                throw NameInUse(options.Name);
            }

            var response = await Call(c => c.Networks.CreateNetworkAsync(parameters, cancellation), cancellation).ConfigureAwait(false);
            if (response.Warning?.IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                await RemoveAsync(response.ID, CancellationToken.None).ConfigureAwait(false);
                throw NameInUse(options.Name);
            }

            return await InspectAsync(response.ID, cancellation).ConfigureAwait(false);
        }

        /// <summary>Removes a network (<c>docker network rm</c>).</summary>
        public Task RemoveAsync(string reference, CancellationToken cancellation) =>
            Call(c => c.Networks.DeleteNetworkAsync(reference, cancellation), cancellation);

        /// <summary>Removes every network no container uses, matching the filters (<c>docker network prune</c>).</summary>
        public async Task<PruneResult> PruneAsync(IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Networks.PruneNetworksAsync(new NetworksDeleteUnusedParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return new PruneResult
            {
                Engine = Engine.Engine,
                ResourceType = "Network",
                Deleted = response.NetworksDeleted?.ToArray() ?? Array.Empty<string>(),
                SpaceReclaimed = 0,
            };
        }

        /// <summary>
        /// Connects a container to a network (<c>docker network connect</c>), with extra DNS
        /// <paramref name="aliases"/> and a fixed <paramref name="ipAddress"/> (IPv4 or IPv6) when given.
        /// </summary>
        public Task ConnectAsync(string network, string container, IList<string>? aliases, string? ipAddress, CancellationToken cancellation)
        {
            var endpoint = new EndpointSettings();
            if (aliases is { Count: > 0 })
            {
                endpoint.Aliases = aliases.ToList();
            }

            if (!string.IsNullOrEmpty(ipAddress))
            {
                endpoint.IPAMConfig = ipAddress!.IndexOf(':') >= 0
                    ? new EndpointIPAMConfig { IPv6Address = ipAddress }
                    : new EndpointIPAMConfig { IPv4Address = ipAddress };
            }

            return Call(c => c.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters { Container = container, EndpointConfig = endpoint }, cancellation), cancellation);
        }

        /// <summary>Disconnects a container from a network (<c>docker network disconnect [-f]</c>).</summary>
        public Task DisconnectAsync(string network, string container, bool force, CancellationToken cancellation) =>
            Call(c => c.Networks.DisconnectNetworkAsync(network, new NetworkDisconnectParameters { Container = container, Force = force }, cancellation), cancellation);

        private async Task<bool> NameTakenAsync(string name, CancellationToken cancellation)
        {
            // The engine's name filter matches substrings: the exact name decides.
            var filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } };
            var response = await Call(c => c.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return response.Any(n => string.Equals(n.Name, name, StringComparison.Ordinal));
        }

        private static EngineException NameInUse(string name) => new EngineException(
            $"A network named '{name}' already exists. Choose another name, or remove the existing network first (Remove-ContainerNetwork {name}).",
            "NetworkNameInUse",
            ErrorCategory.ResourceExists,
            409);
    }
}
