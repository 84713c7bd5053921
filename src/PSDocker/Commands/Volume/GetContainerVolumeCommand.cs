using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists volumes (docker volume ls, docker volume inspect).</para>
    /// <para type="description">Without names it lists every volume, as docker volume ls does. Names match
    /// exactly (volume names are case-sensitive, and volumes have no ids to abbreviate) or with wildcards;
    /// a plain name that matches nothing is a VolumeNotFound error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerVolume")]
    [OutputType(typeof(ContainerVolume))]
    public sealed class GetContainerVolumeCommand : DockerCmdlet
    {
        private readonly ListingRequest _request = new ListingRequest("volume name", "Get-ContainerVolume");

        /// <summary>Volume names to list; wildcards allowed. Default: all volumes.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public NameOrId?[]? Name { get; set; }

        /// <summary>Only volumes of these drivers (docker volume ls --filter driver=…).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Driver { get; set; }

        /// <summary>
        /// Only volumes with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable
        /// <c>@{ key = 'value' }</c>; all must match (docker volume ls --filter label=…).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <summary>Only volumes no container uses (docker volume ls --filter dangling=true).</summary>
        [Parameter]
        public SwitchParameter Dangling { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Volume";

        /// <inheritdoc />
        protected override void Process()
        {
            if (_request.AddNames(MyInvocation.BoundParameters.ContainsKey(nameof(Name)), Name) is { } error)
            {
                WriteError(error);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            if (_request.NamesNothingUsable(MyInvocation.ExpectingInput))
            {
                return;
            }

            var query = new VolumeQuery { Dangling = Dangling };
            foreach (var d in Driver ?? Array.Empty<string>())
            {
                query.Drivers.Add(d);
            }

            foreach (var l in Label ?? Array.Empty<string>())
            {
                query.Labels.Add(l);
            }

            var patterns = _request.Names.Select(n => (Name: n, Pattern: WildcardPattern.ContainsWildcardCharacters(n) ? new WildcardPattern(n, WildcardOptions.IgnoreCase) : null)).ToList();
            var found = new HashSet<string>(StringComparer.Ordinal);
            IEnumerable<ContainerVolume> Select(IList<ContainerVolume> volumes) => volumes.Where(volume =>
            {
                var hits = patterns.Where(p => p.Pattern?.IsMatch(volume.Name) ?? string.Equals(p.Name, volume.Name, StringComparison.Ordinal)).ToList();
                found.UnionWith(hits.Select(h => h.Name));
                return patterns.Count == 0 || hits.Count > 0;
            }).ToList();

            WriteListings(engine => engine.Volumes.ListAsync(query, CancellationToken), Select);
            WriteNotFound(patterns.Where(p => p.Pattern is null && !found.Contains(p.Name)).Select(p => p.Name).Distinct(StringComparer.Ordinal), "volume named", query.IsFiltered);
        }
    }
}
