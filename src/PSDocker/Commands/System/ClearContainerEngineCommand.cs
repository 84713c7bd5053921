using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes what the engine does not use (docker system prune): stopped containers, unused networks, dangling images and build cache.</para>
    /// <para type="description">Like docker system prune it asks first, unless -Force, -Confirm:$false or $ConfirmPreference = 'None'; -WhatIf shows what it would do. -All also removes every image no container uses (and all build cache), -Volume also removes unused volumes (anonymous ones on API 1.42 and newer; engines older than that remove every unused local volume). It emits one PruneResult per type in docker's order (Container, Network, Volume, Image, BuildCache): what went and the bytes reclaimed.</para>
    /// </summary>
    // ConfirmImpact stays Medium: ShouldProcessHighImpact asks itself (as docker system prune does) unless
    // -Force; a High attribute would make ShouldProcess ask as well, and then -Force could not skip it.
    [Cmdlet(VerbsCommon.Clear, "ContainerEngine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(PruneResult))]
    public sealed class ClearContainerEngineCommand : DockerCmdlet
    {
        /// <summary>The filters <c>docker system prune --filter</c> understands.</summary>
        private static readonly IReadOnlyList<string> FilterKeys = new[] { "until", "label", "label!" };

        private IDictionary<string, IDictionary<string, bool>>? _filters;

        /// <summary>Also remove every image no container uses, not only dangling ones, and all build cache (docker system prune -a).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Also remove unused volumes (docker system prune --volumes).</summary>
        [Parameter]
        [Alias("Volumes")]
        public SwitchParameter Volume { get; set; }

        /// <summary>
        /// Prune filters, as <c>docker system prune --filter</c> takes them: <c>until</c> (a duration like
        /// '24h', a timestamp, a DateTime or a TimeSpan), <c>label</c> and <c>label!</c>. Example: <c>@{label='env=dev'}</c>.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Filter { get; set; }

        /// <summary>Do not ask first (docker system prune -f).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            try
            {
                _filters = PruneFilter.From(Filter, null, FilterKeys);
            }
            catch (ArgumentException e)
            {
                ThrowArgumentError(e.Message, "InvalidPruneFilter", Filter);
            }

            if (Volume && _filters is not null && _filters.ContainsKey("until"))
            {
                // The engine's volume prune has no 'until'; docker system prune refuses the pair the same way.
                ThrowArgumentError("The 'until' filter cannot be used with -Volume: volumes have no creation time to filter on. Leave out one of them.", "InvalidPruneFilter", Filter);
            }
        }

        /// <inheritdoc />
        protected override void End()
        {
            foreach (var engine in TargetEngines)
            {
                if (!ShouldProcessHighImpact(Describe() + OnEngine(engine), "Remove (system prune)", Force))
                {
                    continue;
                }

                // In docker's order, one after the other: containers first frees the networks, volumes and images they held.
                foreach (var (type, prune) in Steps(engine))
                {
                    try
                    {
                        WriteObject(Await(prune(CancellationToken)));
                    }
                    catch (EngineException e)
                    {
                        Fail(e, (object?)Filter ?? type);
                    }
                }
            }
        }

        private IEnumerable<(string Type, Func<CancellationToken, Task<PruneResult>> Prune)> Steps(EngineConnection engine)
        {
            yield return ("Container", token => engine.Containers.PruneAsync(_filters, token));
            yield return ("Network", token => engine.Systemwide.PruneNetworksAsync(_filters, token));
            if (Volume)
            {
                yield return ("Volume", token => engine.Systemwide.PruneVolumesAsync(_filters, token));
            }

            yield return ("Image", token => engine.Systemwide.PruneImagesAsync(All, _filters, token));
            yield return ("BuildCache", token => engine.Systemwide.PruneBuildCacheAsync(All, _filters, token));
        }

        private string Describe()
        {
            var parts = new List<string> { "all stopped containers", "all networks not used by at least one container" };
            if (Volume)
            {
                parts.Add("all anonymous volumes not used by at least one container");
            }

            parts.Add(All ? "all images without at least one container associated to them" : "all dangling images");
            parts.Add(All ? "all build cache" : "unused build cache");
            var text = string.Join(", ", parts);
            return _filters is null ? text : text + " matching " + string.Join(", ", _filters.SelectMany(f => f.Value.Keys.Select(v => f.Key + "=" + v)));
        }
    }
}
