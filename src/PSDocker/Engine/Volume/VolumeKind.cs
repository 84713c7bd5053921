using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>Volumes as a resource kind: listed like <c>docker volume ls</c>; a volume's name is its id.</summary>
    public sealed class VolumeKind : ResourceKind<ContainerVolume>
    {
        /// <summary>The one instance.</summary>
        public static readonly VolumeKind Instance = new VolumeKind();

        private VolumeKind()
        {
        }

        /// <inheritdoc />
        public override string Noun => "Volume";

        /// <inheritdoc />
        public override Task<IList<ContainerVolume>> ListAsync(EngineConnection engine, CancellationToken cancellation) =>
            engine.Volumes.ListAsync(new VolumeQuery(), cancellation);

        /// <inheritdoc />
        public override Task<ContainerVolume?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation) =>
            engine.Volumes.FindAsync(reference, cancellation);

        /// <inheritdoc />
        public override string IdOf(ContainerVolume resource) => resource.Name;

        /// <inheritdoc />
        public override IReadOnlyList<string> NamesOf(ContainerVolume resource) => new[] { resource.Name };

        /// <inheritdoc />
        public override string Describe(ContainerVolume resource) => resource.Driver;

        /// <inheritdoc />
        public override bool IsFullId(string reference) => false;
    }
}
