using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>Completes container names, for a -Container parameter of a command of another noun.</summary>
    public sealed class ContainerNameCompleter : ResourceNameCompleter
    {
        /// <inheritdoc />
        protected override IResourceKind? KindFor(string commandName) => ContainerKind.Instance;
    }
}
