using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>Networks as a resource kind: listed like <c>docker network ls</c>, resolved by the engine (name, id, id prefix).</summary>
    public sealed class NetworkKind : ResourceKind<ContainerNetwork>
    {
        /// <summary>The one instance.</summary>
        public static readonly NetworkKind Instance = new NetworkKind();

        private NetworkKind()
        {
        }

        /// <inheritdoc />
        public override string Noun => "Network";

        /// <inheritdoc />
        public override Task<IList<ContainerNetwork>> ListAsync(EngineConnection engine, CancellationToken cancellation) =>
            engine.Networks.ListAsync(new NetworkQuery(), false, cancellation);

        /// <inheritdoc />
        public override Task<ContainerNetwork?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation) =>
            engine.Networks.FindAsync(reference, cancellation);

        /// <inheritdoc />
        public override string IdOf(ContainerNetwork resource) => resource.Id;

        /// <inheritdoc />
        public override IReadOnlyList<string> NamesOf(ContainerNetwork resource) => new[] { resource.Name };

        /// <inheritdoc />
        public override string Describe(ContainerNetwork resource) => resource.Name + " (" + resource.Driver + ")";
    }
}
