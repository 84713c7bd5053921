using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists containers, running or not (docker ps -a).</para>
    /// <para type="description">Without names it lists every container, as docker ps -a does. Input from
    /// the pipeline that names nothing usable — an empty or null name, an object that is not a name, or
    /// no object at all (@() | Get-Container) — lists nothing, so the rest of a pipeline never acts on
    /// every container by accident; the bad input is an error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Container", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class GetContainerCommand : ResourceListCmdlet
    {
        private readonly List<ContainerState> _states = new List<ContainerState>();

        /// <summary>
        /// Only containers in these states (docker ps --filter status=…): Created, Running, Paused,
        /// Restarting, Removing, Exited or Dead (names, or <see cref="ContainerState"/> values).
        /// </summary>
        [Parameter]
        [Alias("State")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerStatusCompleter))]
        public string[]? Status { get; set; }

        /// <summary>
        /// Only containers with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable
        /// <c>@{ key = 'value' }</c>; all must match (docker ps --filter label=…).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <summary>Only containers created from these images (docker ps --filter ancestor=…).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Ancestor")]
        [ArgumentCompleter(typeof(ImageReferenceCompleter))]
        public string[]? Image { get; set; }

        /// <inheritdoc />
        protected override string Noun => ContainerKind.Instance.Noun;

        /// <inheritdoc />
        protected override void Begin()
        {
            foreach (var text in Status ?? Array.Empty<string>())
            {
                if (!Enum.TryParse<ContainerState>(text, ignoreCase: true, out var state) || state == ContainerState.Unknown || !Enum.IsDefined(typeof(ContainerState), state))
                {
                    ThrowArgumentError($"-Status {text} is not a state the engine can filter on: use Created, Running, Paused, Restarting, Removing, Exited or Dead.", "InvalidStatus", text);
                }

                _states.Add(state);
            }
        }

        /// <inheritdoc />
        protected override void List()
        {
            var query = new ContainerQuery();
            foreach (var s in _states)
            {
                query.States.Add(s);
            }

            foreach (var l in Label ?? Array.Empty<string>())
            {
                query.Labels.Add(l);
            }

            foreach (var i in Image ?? Array.Empty<string>())
            {
                query.Ancestors.Add(i);
            }

            var matcher = new NameMatcher<Container>(ContainerKind.Instance, Request.Names, Request.Ids);
            WriteListings(engine => engine.Containers.ListAsync(query, CancellationToken), matcher.Select);
            WriteNotFound(matcher.Missing, "container named or with id", query.IsFiltered);
        }
    }
}
