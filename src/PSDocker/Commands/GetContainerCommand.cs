using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists containers, running or not (docker ps -a).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Container", DefaultParameterSetName = "Name")]
    [OutputType(typeof(Container))]
    public sealed class GetContainerCommand : DockerCmdlet
    {
        /// <inheritdoc />
        protected override string ResourceNoun => "Container";

        private readonly List<string> _names = new List<string>();
        private readonly List<string> _ids = new List<string>();

        /// <summary>Container names or ids to list; wildcards match names. Default: all containers.</summary>
        [Parameter(Position = 0, ParameterSetName = "Name", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Container ids or id prefixes to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Id", ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Only containers in these states (docker ps --filter status=…).</summary>
        [Parameter]
        [Alias("State")]
        public ContainerState[]? Status { get; set; }

        /// <summary>Only containers with these labels: <c>key</c> or <c>key=value</c>; all must match.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Label { get; set; }

        /// <summary>Only containers created from these images (docker ps --filter ancestor=…).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Ancestor")]
        public string[]? Image { get; set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            if (Status is { } states && Array.IndexOf(states, ContainerState.Unknown) >= 0)
            {
                ThrowArgumentError("-Status Unknown is not a state the engine can filter on: use Created, Running, Paused, Restarting, Removing, Exited or Dead.", "InvalidStatus", ContainerState.Unknown);
            }
        }

        /// <inheritdoc />
        protected override void Process()
        {
            _names.AddRange(Name ?? Array.Empty<string>());
            _ids.AddRange(Id ?? Array.Empty<string>());
        }

        /// <inheritdoc />
        protected override void End()
        {
            var query = new ContainerQuery();
            foreach (var s in Status ?? Array.Empty<ContainerState>())
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

            var listings = TargetEngines
                .Select(engine => (engine, task: ContainerApi.ListAsync(engine, query, CancellationToken)))
                .ToList();

            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (engine, task) in listings)
            {
                var containers = Await(task, engine);

                var exactNames = new HashSet<string>(
                    containers.Select(c => c.Name).Where(n => _names.Contains(n, StringComparer.OrdinalIgnoreCase)),
                    StringComparer.OrdinalIgnoreCase);
                foreach (var container in containers)
                {
                    if (Matches(container, exactNames, found))
                    {
                        WriteObject(container);
                    }
                }
            }

            foreach (var missing in _names.Concat(_ids).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !found.Contains(n)))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No container named or with id '{missing}' was found{(query.ToFilters() is null ? string.Empty : " with the given filters")}."),
                    "ContainerNotFound",
                    ErrorCategory.ObjectNotFound,
                    missing));
            }
        }

        /// <summary>
        /// Whether a container is asked for. A plain string names a container exactly or, when no
        /// container has that name, is an id prefix — the engine's own order, so 'abc' never lists
        /// another container whose id starts with abc.
        /// </summary>
        private bool Matches(Container container, HashSet<string> exactNames, HashSet<string> found)
        {
            if (_names.Count == 0 && _ids.Count == 0)
            {
                return true;
            }

            var matched = false;
            foreach (var name in _names)
            {
                var hit = WildcardPattern.ContainsWildcardCharacters(name)
                    ? new WildcardPattern(name, WildcardOptions.IgnoreCase).IsMatch(container.Name)
                    : exactNames.Contains(name)
                        ? string.Equals(container.Name, name, StringComparison.OrdinalIgnoreCase)
                        : container.Id.StartsWith(name, StringComparison.OrdinalIgnoreCase);
                if (hit)
                {
                    found.Add(name);
                    matched = true;
                }
            }

            foreach (var id in _ids)
            {
                if (container.Id.StartsWith(id, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(id);
                    matched = true;
                }
            }

            return matched;
        }
    }
}
