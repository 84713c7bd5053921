using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops and removes a compose project's containers and networks (docker compose down).</para>
    /// <para type="description">Everything is found by docker compose's project label, so -ProjectName alone
    /// is enough and nothing else on the engine is touched: the containers (dependents first; stopped,
    /// then removed), the project's networks, with -Volume its volumes, with -RemoveImage its images.
    /// External networks and volumes, which the project did not create, stay. -WhatIf lists every
    /// resource it would remove.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "ComposeProject", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(void))]
    public sealed class RemoveComposeProjectCommand : ComposeCmdlet
    {
        /// <summary>Also remove the project's named volumes and its containers' anonymous volumes (docker compose down -v).</summary>
        [Parameter]
        [Alias("Volumes")]
        public SwitchParameter Volume { get; set; }

        /// <summary>Also remove images (docker compose down --rmi): Local (built for the project, no custom tag) or All.</summary>
        [Parameter]
        public ComposeImageRemoval? RemoveImage { get; set; }

        /// <summary>Seconds each container gets to stop before it is killed (docker compose down --timeout).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            if (ProjectNameOrLoad(out var project) is not { } name)
            {
                return;
            }

            foreach (var engine in TargetEngines)
            {
                Func<IList<Container>, IEnumerable<string>>? imagesOf = RemoveImage is { } removal ? containers => ImagesOf(containers, name, project, removal) : null;
                var steps = Plan(() => engine.Compose.PlanDownAsync(name, Volume, imagesOf, CancellationToken), name);
                if (steps is not null)
                {
                    RunSteps(engine, project, "Removing compose project " + name, steps, new ComposeRunOptions { StopTimeout = Timeout, RemoveVolumes = Volume });
                }
            }
        }

        /// <summary>
        /// The images -RemoveImage names: Local — compose's own name for images built for the project
        /// (<c>PROJECT-SERVICE</c>, and docker-compose 1.x's <c>PROJECT_SERVICE</c>); All — those and every
        /// image the files or the project's containers use.
        /// </summary>
        private static List<string> ImagesOf(IList<Container> containers, string name, ComposeProjectConfig? project, ComposeImageRemoval removal)
        {
            var images = new List<string>();
            if (project is not null)
            {
                images.AddRange(project.Services.Concat(project.DisabledServices)
                    .Where(s => removal == ComposeImageRemoval.All || (s.Build is not null && string.IsNullOrEmpty(s.Image)))
                    .Select(s => ComposeContainerSpec.ImageOf(project, s)));
            }

            foreach (var container in containers)
            {
                var service = container.Labels.TryGetValue(ComposeLabels.Service, out var s) ? s : string.Empty;
                var local = container.Image == name + "-" + service || container.Image == name + "_" + service;
                if (removal == ComposeImageRemoval.All || local)
                {
                    images.Add(container.Image);
                }
            }

            return images.Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
