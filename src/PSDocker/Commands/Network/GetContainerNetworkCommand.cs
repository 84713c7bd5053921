using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists networks with their subnets and attached containers (docker network ls, docker network inspect).</para>
    /// <para type="description">Without names it lists every network, as docker network ls does; each comes
    /// with what docker network inspect shows (subnets, gateways, the containers attached). Names match
    /// with wildcards; a plain name or id that matches nothing is a NetworkNotFound error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerNetwork", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerNetwork))]
    public sealed class GetContainerNetworkCommand : ResourceListCmdlet
    {
        /// <summary>Only networks of these drivers (docker network ls --filter driver=…).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Driver { get; set; }

        /// <summary>
        /// Only networks with these labels: <c>key</c> or <c>key=value</c> strings, or a hashtable
        /// <c>@{ key = 'value' }</c>; all must match (docker network ls --filter label=…).
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Network";

        /// <inheritdoc />
        protected override void List()
        {
            var query = new NetworkQuery();
            foreach (var d in Driver ?? Array.Empty<string>())
            {
                query.Drivers.Add(d);
            }

            foreach (var l in Label ?? Array.Empty<string>())
            {
                query.Labels.Add(l);
            }

            var matcher = new NameMatcher<ContainerNetwork>(NetworkKind.Instance, Request.Names, Request.Ids);
            WriteListings(engine => engine.Networks.ListAsync(query, true, CancellationToken), matcher.Select);
            WriteNotFound(matcher.Missing, "network named or with id", query.IsFiltered);
        }
    }
}
