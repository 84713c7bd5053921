using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets containers' CPU, memory, network and block I/O use (docker stats).</para>
    /// <para type="description">By default one sample per container (docker stats --no-stream), taken over
    /// about a second so the CPU percent covers a real interval; -Stream writes a sample per container
    /// every second until Ctrl+C. Values are computed exactly as the docker CLI computes them. A container
    /// named outright that is not running is a ContainerNotRunning error; stopped containers a wildcard
    /// matches are passed over, as docker stats lists the running ones.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerStatistics", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerStatistics))]
    public sealed class GetContainerStatisticsCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        private PipelineFeed<ContainerStatistics>? _feed;

        /// <summary>Keep sampling every second until Ctrl+C (docker stats without --no-stream).</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override void Begin()
        {
            if (Stream)
            {
                _feed = new PipelineFeed<ContainerStatistics>(CancellationToken);
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override void Process()
        {
            if (!Stream)
            {
                base.Process();
                return;
            }

            foreach (var target in ResolveTargets())
            {
                if (ContainerIdentity.IsIdleWildcardMatch(target))
                {
                    continue;
                }

                _feed!.Start(target, (post, token) => target.Engine.Containers.StreamStatisticsAsync(target.Reference, target.DisplayName, post, token));
                Pump(_feed!, wait: false);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            if (!Stream)
            {
                base.End();
                return;
            }

            Pump(_feed!, wait: true);
        }

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            if (ContainerIdentity.IsIdleWildcardMatch(target))
            {
                return null;
            }

            return await target.Engine.Containers.GetStatisticsAsync(target.Reference, target.DisplayName, cancellation).ConfigureAwait(false);
        }

        /// <summary>Stops the streams still open (the pipeline ended early, e.g. Select-Object -First).</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _feed?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
