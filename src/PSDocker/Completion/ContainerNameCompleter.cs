using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>Completes container names, for -Container of commands of other nouns (New-Image).</summary>
    public sealed class ContainerNameCompleter : ResourceNameCompleter
    {
        /// <inheritdoc />
        protected override IResourceKind? KindFor(string commandName) => ContainerKind.Instance;
    }
}
