using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the batch cmdlets that change a container (start, stop, restart, pause, unpause, remove):
    /// the engine's refusals because of the container's state get their own ErrorIds
    /// (<c>ContainerRunning</c>, <c>ContainerNotRunning</c>, …), and -PassThru re-reads the changed container.
    /// </summary>
    public abstract class ContainerChangeCmdlet : ContainerActionCmdlet
    {
        /// <inheritdoc />
        protected override ErrorRecord MapError(Exception exception, string noun, object? target) =>
            ContainerConflicts.ToErrorRecord(exception, target) ?? base.MapError(exception, noun, target);

        /// <summary>
        /// The container as it is now, for -PassThru; null when it is gone (e.g. removed on exit). The
        /// reference is resolved by the engine first (exact id, exact name, then id prefix), so a name that
        /// looks like another container's id prefix still finds this container.
        /// </summary>
        protected static async Task<object?> RefreshAsync(ContainerTarget target, CancellationToken cancellation)
        {
            string id;
            try
            {
                id = (await target.Engine.Client.Containers.InspectContainerAsync(target.Reference, cancellation).ConfigureAwait(false)).ID;
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }

            return await ContainerApi.GetAsync(target.Engine, id, cancellation).ConfigureAwait(false);
        }
    }
}
