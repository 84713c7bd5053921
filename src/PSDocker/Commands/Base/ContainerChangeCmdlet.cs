using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the batch cmdlets that change a container (start, stop, restart, pause, unpause): -PassThru
    /// re-reads the changed container. (The engine's refusals because of a container's state get their
    /// own ErrorIds for every cmdlet, in <see cref="EngineErrors"/>.)
    /// </summary>
    public abstract class ContainerChangeCmdlet : ContainerActionCmdlet
    {
        /// <summary>
        /// The container as it is now, for -PassThru; null when it is gone (e.g. removed on exit). The
        /// reference is resolved by the engine first (exact id, exact name, then id prefix), so a name that
        /// looks like another container's id prefix still finds this container.
        /// </summary>
        protected static async Task<object?> RefreshAsync(ContainerTarget target, CancellationToken cancellation) =>
            await ContainerApi.FindAsync(target.Engine, target.Reference, cancellation).ConfigureAwait(false);
    }
}
