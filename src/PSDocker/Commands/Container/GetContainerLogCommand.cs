using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the output a container has logged (docker logs), line by line as log entries.</para>
    /// <para type="description">Entries are written as the engine sends them. With -Follow the command keeps streaming until the containers stop or you press Ctrl+C; the lines of several containers interleave as they arrive.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerLog", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerLogEntry))]
    public sealed class GetContainerLogCommand : ResourceCmdlet<Container, IContainerReference>
    {
        private PipelineFeed<ContainerLogEntry>? _feed;
        private ContainerLogQuery? _query;

        /// <summary>Keep streaming new lines until the container stops or Ctrl+C (docker logs -f).</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <summary>Only the last N lines of each container's log.</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Tail { get; set; }

        /// <summary>Only lines logged since this time: a DateTime, a duration ago (<c>'10m'</c>, <c>'1h30m'</c>), Unix seconds or a date.</summary>
        [Parameter]
        [LogTimeTransformation]
        public DateTime? Since { get; set; }

        /// <summary>Only lines logged before this time: a DateTime, a duration ago (<c>'10m'</c>), Unix seconds or a date.</summary>
        [Parameter]
        [LogTimeTransformation]
        public DateTime? Until { get; set; }

        /// <summary>Fill each entry's Timestamp with the time the engine logged the line.</summary>
        [Parameter]
        public SwitchParameter Timestamps { get; set; }

        /// <summary>Only standard output (with -StdErr: both, the default).</summary>
        [Parameter]
        public SwitchParameter StdOut { get; set; }

        /// <summary>Only standard error (with -StdOut: both, the default).</summary>
        [Parameter]
        public SwitchParameter StdErr { get; set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            var both = !StdOut && !StdErr;
            _query = new ContainerLogQuery
            {
                Follow = Follow,
                Tail = Tail,
                Since = Since,
                Until = Until,
                Timestamps = Timestamps,
                StdOut = both || StdOut,
                StdErr = both || StdErr,
            };
            _feed = new PipelineFeed<ContainerLogEntry>(CancellationToken);
        }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var target in ResolveTargets())
            {
                _feed!.Start(target, (post, token) => ReadAsync(target, post, token));

                // Without -Follow, one container's log after the other; with it, all interleave.
                Pump(_feed!, wait: !Follow);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            Pump(_feed!, wait: true);
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

        private async Task ReadAsync(ResourceTarget target, Action<ContainerLogEntry> post, CancellationToken cancellation)
        {
            var engine = target.Engine;

            // A piped object already says which container it is about; a name or id is resolved once, by the engine.
            var (id, name) = target.UserTarget is IContainerReference known && known.ResourceName.Length > 0
                ? (known.ResourceId, known.ResourceName)
                : await ResolveAsync(target, cancellation).ConfigureAwait(false);
            using var output = await engine.Containers.OpenLogsAsync(id, name, _query!, cancellation).ConfigureAwait(false);
            await output.ReadLinesAsync((which, line) => post(Entry(engine, id, name, which, line)), cancellation).ConfigureAwait(false);
        }

        private static async Task<(string Id, string Name)> ResolveAsync(ResourceTarget target, CancellationToken cancellation)
        {
            var detail = await target.Engine.Containers.InspectAsync(target.Reference, cancellation).ConfigureAwait(false);
            return (detail.Id, detail.Name);
        }

        private ContainerLogEntry Entry(EngineConnection engine, string containerId, string containerName, OutputStream stream, string line)
        {
            DateTime? timestamp = null;
            if (Timestamps && TimestampParser.TrySplitLogLine(line, out var time, out var message))
            {
                timestamp = time;
                line = message;
            }

            return new ContainerLogEntry
            {
                Engine = engine.Engine,
                ContainerName = containerName,
                ContainerId = containerId,
                Stream = stream,
                Timestamp = timestamp,
                Message = line,
            };
        }
    }
}
