using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>The network calls of the engine; for now the listing that completion of <c>-Network</c> needs.</summary>
    public sealed class NetworkService : EngineService
    {
        /// <summary>The engine's network refusals, by message.</summary>
        public static readonly RefusalTable Refusals = new RefusalTable("Network");

        internal NetworkService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>The networks' names and drivers.</summary>
        public async Task<IList<(string Name, string Driver)>> ListNamesAsync(CancellationToken cancellation)
        {
            var networks = await Call<IList<NetworkResponse>>(c => c.Networks.ListNetworksAsync(new NetworksListParameters(), cancellation), cancellation).ConfigureAwait(false);
            return networks.Select(n => (n.Name, n.Driver)).ToList();
        }
    }

    /// <summary>Networks as a resource kind; for now what completion of <c>-Network</c> needs.</summary>
    public sealed class NetworkKind : IResourceKind
    {
        /// <summary>The one instance.</summary>
        public static readonly NetworkKind Instance = new NetworkKind();

        private NetworkKind()
        {
        }

        /// <inheritdoc />
        public string Noun => "Network";

        /// <inheritdoc />
        public async Task<IList<(string Name, string Tooltip)>> CompletionNamesAsync(EngineConnection engine, CancellationToken cancellation) =>
            (await engine.Networks.ListNamesAsync(cancellation).ConfigureAwait(false)).Select(n => (n.Name, n.Name + " (" + n.Driver + ")")).ToList();
    }
}
