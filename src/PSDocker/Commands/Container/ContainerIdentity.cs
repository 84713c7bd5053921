using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>The id and name of the container a target names, for the objects emitted about it.</summary>
    internal static class ContainerIdentity
    {
        /// <summary>
        /// A piped object (or a wildcard match) already says which container it is; a name or id is
        /// resolved once, by the engine.
        /// </summary>
        public static async Task<(string Id, string Name)> ResolveAsync(ResourceTarget target, CancellationToken cancellation)
        {
            if (target.UserTarget is IContainerReference known && known.ResourceName.Length > 0)
            {
                return (known.ResourceId, known.ResourceName);
            }

            var detail = await target.Engine.Containers.InspectAsync(target.Reference, cancellation).ConfigureAwait(false);
            return (detail.Id, detail.Name);
        }

        /// <summary>
        /// Whether a target is a container a wildcard matched that is not running: commands that only
        /// make sense for running containers (top, stats) pass over it, as <c>docker stats</c> lists the
        /// running ones; a container named outright is asked about and its error reported.
        /// </summary>
        public static bool IsIdleWildcardMatch(ResourceTarget target) =>
            target.UserTarget is Container { State: not (ContainerState.Running or ContainerState.Paused or ContainerState.Restarting) };
    }
}
