using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Renames a container (docker rename).</para>
    /// <para type="description">Renames exactly one container: when the input names several (an array, a
    /// wildcard matching several, several piped objects), nothing is renamed and a terminating
    /// MultipleContainers error lists them.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Rename, "Container", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class RenameContainerCommand : ResourceCmdlet<Container, IContainerReference>
    {
        private readonly List<ResourceTarget> _targets = new List<ResourceTarget>();

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

            if (_targets.Count == 0 || !ShouldProcess(DescribeTarget(_targets[0]), $"Rename to '{NewName}'"))
            {
                return;
            }

            var target = _targets[0];
            var rename = RenameAsync(target, CancellationToken);
            ((IAsyncResult)rename).AsyncWaitHandle.WaitOne();
            if (rename.IsFaulted || rename.IsCanceled)
            {
                FailTarget(rename.Exception?.GetBaseException() ?? new OperationCanceledException(), target);
            }
            else if (rename.Result is { } renamed)
            {
                WriteObject(renamed);
            }
        }

        private async Task<Container?> RenameAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await target.Engine.Containers.RenameAsync(target.Reference, NewName, cancellation).ConfigureAwait(false);
            if (!PassThru)
            {
                return null;
            }

            // Resolved by the engine: a new name that looks like an id prefix must not find another container.
            return await Kind.FindAsync(target.Engine, NewName, cancellation).ConfigureAwait(false);
        }
    }
}
