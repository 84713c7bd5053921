using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the engine's events (docker events): what happened to containers, images, networks, volumes and the engine itself.</para>
    /// <para type="description">Without -Follow the command returns the events between -Since and -Until, and -Until defaults to now: unlike docker events, which streams until Ctrl+C unless given --until, it ends on its own, so a script can read the recent history. With -Follow it streams new events as they happen until -Until or Ctrl+C. -Filter takes docker's event filters as a hashtable: @{type='container'; event='start','die'; label='env=dev'}.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEngineEvent")]
    [OutputType(typeof(EngineEvent))]
    public sealed class GetContainerEngineEventCommand : DockerCmdlet
    {
        /// <summary>The filters <c>docker events --filter</c> understands.</summary>
        public static readonly IReadOnlyList<string> FilterKeys = new[]
        {
            "config", "container", "daemon", "event", "image", "label", "network", "node", "plugin", "scope", "secret", "service", "type", "volume",
        };

        private IDictionary<string, IDictionary<string, bool>>? _filters;

        /// <summary>Only events since this time: a DateTime, a duration ago (<c>'10m'</c>, <c>'1h30m'</c>), Unix seconds or a date.</summary>
        [Parameter]
        [LogTimeTransformation]
        public DateTime? Since { get; set; }

        /// <summary>Only events before this time: a DateTime, a duration ago, Unix seconds or a date. Without -Follow it is now.</summary>
        [Parameter]
        [LogTimeTransformation]
        public DateTime? Until { get; set; }

        /// <summary>
        /// Event filters, as <c>docker events --filter</c> takes them: <c>type</c>, <c>event</c>,
        /// <c>container</c>, <c>image</c>, <c>label</c> (<c>key</c> or <c>key=value</c>), <c>network</c>,
        /// <c>volume</c>, <c>daemon</c>, <c>plugin</c>, <c>scope</c>, <c>service</c>, <c>node</c>, <c>secret</c>,
        /// <c>config</c>; an array for several values. Example: <c>@{type='container'; event='start','die'}</c>.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Keep streaming new events until -Until or Ctrl+C (docker events without --until).</summary>
        [Parameter]
        public SwitchParameter Follow { get; set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            foreach (var key in Filter?.Keys.Cast<object>() ?? Enumerable.Empty<object>())
            {
                var name = (key is PSObject pso ? pso.BaseObject : key)?.ToString() ?? string.Empty;
                if (!FilterKeys.Contains(name.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    ThrowArgumentError($"'{name}' is not an event filter; use {string.Join(", ", FilterKeys)}.", "InvalidEventFilter", Filter);
                }
            }

            try
            {
                _filters = PruneFilter.From(Filter, null, FilterKeys);
            }
            catch (ArgumentException e)
            {
                ThrowArgumentError(e.Message, "InvalidEventFilter", Filter);
            }

            if (Since is { } since && Until is { } until && until < since)
            {
                ThrowArgumentError($"-Until ({until:o}) is before -Since ({since:o}): no event can match.", "InvalidTimeRange", Until);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            // docker events streams until --until; without -Follow the history ends now, so the command returns.
            var until = Until ?? (Follow ? (DateTime?)null : DateTime.Now);
            using var feed = new PipelineFeed<EngineEvent>(CancellationToken);
            foreach (var engine in TargetEngines)
            {
                feed.Start(engine, (post, token) => engine.Systemwide.WatchEventsAsync(Since, until, _filters, post, token));
            }

            try
            {
                feed.Pump(WriteObject, (key, error) =>
                {
                    if (error is not null)
                    {
                        Fail(error, ((EngineConnection)key).Endpoint.ToString());
                    }
                }, wait: true);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }
    }
}
