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
    [Cmdlet(VerbsCommon.Get, "ContainerLog", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(ContainerLogEntry))]
    public sealed class GetContainerLogCommand : ContainerCmdlet, IDisposable
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
                Pump(wait: !Follow);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            Pump(wait: true);
        }

        /// <summary>Stops the streams still open (the pipeline ended early, e.g. Select-Object -First).</summary>
        void IDisposable.Dispose()
        {
            _feed?.Dispose();
            Dispose();
        }

        private void Pump(bool wait)
        {
            try
            {
                _feed!.Pump(WriteObject, (key, error) =>
                {
                    if (error is not null)
                    {
                        WriteContainerError(error, (ContainerTarget)key);
                    }
                }, wait);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private async Task ReadAsync(ContainerTarget target, Action<ContainerLogEntry> post, CancellationToken cancellation)
        {
            var engine = target.Engine;

            // A piped container already says who it is; a name or id is resolved once, by the engine.
            var container = target.UserTarget as ContainerReference
                ?? await ContainerApi.InspectAsync(engine, target.Reference, cancellation).ConfigureAwait(false);
            using var stream = await ContainerLogs.OpenAsync(engine, container.Id, _query!, cancellation).ConfigureAwait(false);
            await OutputReader.ReadLinesAsync(stream, (which, line) => post(Entry(engine, container, which, line)), cancellation).ConfigureAwait(false);
        }

        private ContainerLogEntry Entry(EngineConnection engine, ContainerReference container, OutputStream stream, string line)
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
                ContainerName = container.Name,
                ContainerId = container.Id,
                Stream = stream,
                Timestamp = timestamp,
                Message = line,
            };
        }
    }
}
