using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of Connect-ContainerNetwork and Disconnect-ContainerNetwork (docker network connect and
    /// disconnect): one network, and the containers named (<c>-Container</c>, strings from the pipeline)
    /// or piped as objects (<c>-InputObject</c>, acted on at their own engine). Calls run under
    /// -ThrottleLimit and report per container, in input order.
    /// </summary>
    public abstract class NetworkAttachmentCmdlet : DockerCmdlet
    {
        private OrderedBatch<ResourceTarget>? _batch;

        /// <summary>The network: its name, id or unique id prefix, or a network object.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [NetworkReferenceTransformation]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string Network { get; set; } = string.Empty;

        /// <summary>The containers: names, ids or unique id prefixes. Strings from the pipeline bind here.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.Name, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public NameOrId[] Container { get; set; } = Array.Empty<NameOrId>();

        /// <summary>Containers from the pipeline (what Get-Container, New-Container … emit).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.InputObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public IContainerReference[] InputObject { get; set; } = Array.Empty<IContainerReference>();

        /// <summary>Emit each container afterwards, with its networks.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>How many engine calls may be in flight at once (the docker CLI keeps 50).</summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = 50;

        /// <inheritdoc />
        protected override string Noun => "Network";

        /// <summary>The -WhatIf/-Confirm action text for the network ("Connect to network 'web'").</summary>
        protected abstract string Action { get; }

        /// <summary>The engine call for one container.</summary>
        protected abstract Task AttachAsync(EngineConnection engine, string container, CancellationToken cancellation);

        /// <inheritdoc />
        protected override void Begin() => _batch = new OrderedBatch<ResourceTarget>(ThrottleLimit, CancellationToken);

        /// <inheritdoc />
        protected override void Process()
        {
            var targets = ParameterSetName == ParameterSets.InputObject
                ? InputObject.SelectMany(item => EnginesFor(item.Engine).Select(engine => new ResourceTarget(
                    engine,
                    item.ResourceId,
                    item.ResourceName.Length > 0 ? item.ResourceName : ResourceIds.Short(item.ResourceId),
                    item)))
                : Container.SelectMany(name => TargetEngines.Select(engine => new ResourceTarget(engine, name.Value, name.Value, name.Value)));
            foreach (var target in targets)
            {
                if (!ShouldProcess("container " + target.DisplayName + OnEngine(target.Engine), Action))
                {
                    continue;
                }

                _batch!.Add(target, ct => RunAsync(target, ct));
                _batch.Drain(waitForAll: false, Complete);
            }
        }

        /// <inheritdoc />
        protected override void End() => _batch?.Drain(waitForAll: true, Complete);

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _batch?.Dispose();
            }

            base.Dispose(disposing);
        }

        private async Task<object?> RunAsync(ResourceTarget target, CancellationToken cancellation)
        {
            await AttachAsync(target.Engine, target.Reference, cancellation).ConfigureAwait(false);
            return PassThru ? await target.Engine.Containers.FindAsync(target.Reference, cancellation).ConfigureAwait(false) : null;
        }

        private void Complete(ResourceTarget target, Task<object?> task)
        {
            if (task.IsFaulted || task.IsCanceled)
            {
                var failure = task.Exception?.GetBaseException() ?? new OperationCanceledException();
                if (failure is EngineException e && ContainerService.IsFullId(target.Reference) && e.Message.IndexOf(target.Reference, StringComparison.Ordinal) >= 0)
                {
                    failure = e.WithMessage(e.Message.Replace(target.Reference, target.DisplayName));
                }

                Fail(failure, target.UserTarget);
                return;
            }

            if (task.Result is { } result)
            {
                WriteObject(result);
            }
        }
    }
}
