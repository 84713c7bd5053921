using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Renames a container (docker rename).</para>
    /// <para type="description">Renames exactly one container: when the input names several (an array, a
    /// wildcard matching several, several piped objects), nothing is renamed and a terminating
    /// MultipleContainers error lists them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Rename, "Container", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
    [OutputType(typeof(Container))]
    public sealed class RenameContainerCommand : ContainerCmdlet
    {
        private readonly List<ContainerTarget> _targets = new List<ContainerTarget>();

        /// <summary>The container's new name.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string NewName { get; set; } = string.Empty;

        /// <summary>Emit the renamed container.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void Process() => _targets.AddRange(ResolveTargets());

        /// <inheritdoc />
        protected override void End()
        {
            if (_targets.Count > 1)
            {
                ThrowArgumentError(
                    $"Rename-Container renames one container at a time, but the input names {_targets.Count}: {string.Join(", ", _targets.Select(t => t.DisplayName))}. Nothing was renamed.",
                    "MultipleContainers",
                    _targets.Select(t => t.UserTarget).ToArray());
            }

            if (_targets.Count == 0 || !ShouldProcess(_targets[0].DisplayName, $"Rename to '{NewName}'"))
            {
                return;
            }

            var target = _targets[0];
            var rename = RenameAsync(target, CancellationToken);
            ((IAsyncResult)rename).AsyncWaitHandle.WaitOne();
            if (rename.IsFaulted || rename.IsCanceled)
            {
                WriteContainerError(rename.Exception?.GetBaseException() ?? new OperationCanceledException(), target);
            }
            else if (rename.Result is { } renamed)
            {
                WriteObject(renamed);
            }
        }

        private async Task<Container?> RenameAsync(ContainerTarget target, CancellationToken cancellation)
        {
            await target.Engine.Client.Containers.RenameContainerAsync(target.Reference, new ContainerRenameParameters { NewName = NewName }, cancellation).ConfigureAwait(false);
            if (!PassThru)
            {
                return null;
            }

            // Resolved by the engine: a new name that looks like an id prefix must not find another container.
            return await ContainerApi.FindAsync(target.Engine, NewName, cancellation).ConfigureAwait(false);
        }
    }
}
