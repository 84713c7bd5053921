using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>Containers as a resource kind: listed like <c>docker ps -a</c>, resolved by the engine (name, id, id prefix).</summary>
    public sealed class ContainerKind : ResourceKind<Container>
    {
        /// <summary>The one instance.</summary>
        public static readonly ContainerKind Instance = new ContainerKind();

        private ContainerKind()
        {
        }

        /// <inheritdoc />
        public override string Noun => "Container";

        /// <inheritdoc />
        public override Task<IList<Container>> ListAsync(EngineConnection engine, CancellationToken cancellation) =>
            engine.Containers.ListAsync(new ContainerQuery(), cancellation);

        /// <summary>
        /// With a prefix typed, only the containers the engine finds by name (docker ps -a --filter
        /// name=…): on an engine with hundreds of containers the listing is the engine's work per
        /// container it reports, so <c>web&lt;Tab&gt;</c> costs what the few matches cost.
        /// </summary>
        protected override Task<IList<Container>> ListForCompletionAsync(EngineConnection engine, string prefix, CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            if (ContainerQuery.NamePrefixPattern(prefix) is { } pattern)
            {
                query.NamePatterns.Add(pattern);
            }

            return engine.Containers.ListAsync(query, cancellation);
        }

        /// <inheritdoc />
        public override Task<Container?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation) =>
            engine.Containers.FindAsync(reference, cancellation);

        /// <inheritdoc />
        public override string IdOf(Container resource) => resource.Id;

        /// <inheritdoc />
        public override IReadOnlyList<string> NamesOf(Container resource) => new[] { resource.Name };

        /// <inheritdoc />
        public override string Describe(Container resource) => resource.Image + " (" + resource.State + ")";
    }
}
