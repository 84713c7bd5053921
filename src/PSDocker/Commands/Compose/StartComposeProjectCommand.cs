using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates and starts the services of a compose project (docker compose up -d).</para>
    /// <para type="description">Networks and volumes first (external ones must exist), then the services in
    /// dependency order, waiting where depends_on asks (service_healthy, service_completed_successfully).
    /// Up is idempotent: a container whose service is unchanged (same config hash and image) is left as
    /// it is — started if it was stopped — a changed one is recreated, and a second identical run changes
    /// nothing. Containers carry docker compose's labels, so docker compose and docker-compose see the
    /// project. -WhatIf lists every resource it would create, recreate or start. Ctrl+C stops between
    /// resources; a container created but not started when it is pressed is removed again.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "ComposeProject", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ComposeService))]
    public sealed class StartComposeProjectCommand : ComposeCmdlet
    {
        /// <summary>Only these services (and the services they depend on).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ComposeServiceNameCompleter))]
        public string[]? Service { get; set; }

        /// <summary>Build the images of services with a build section before starting (docker compose up --build).</summary>
        [Parameter]
        public SwitchParameter Build { get; set; }

        /// <summary>Recreate every container, changed or not (docker compose up --force-recreate).</summary>
        [Parameter]
        public SwitchParameter ForceRecreate { get; set; }

        /// <summary>Wait until every service is running, and healthy where it has a healthcheck (docker compose up --wait).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        /// <summary>Seconds any wait (depends_on conditions, -Wait) may take before it fails (docker compose --wait-timeout). Default: no limit.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? WaitTimeout { get; set; }

        /// <summary>Seconds a container being recreated gets to stop before it is killed (docker compose up --timeout).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Emit the project's services afterwards.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            var project = LoadProject(Service);
            if (project is null || SelectServices(project, Service, withDependencies: true) is not { } services)
            {
                return;
            }

            foreach (var engine in TargetEngines)
            {
                try
                {
                    Await(engine.Compose.CheckExternalsAsync(project, services, CancellationToken));
                }
                catch (EngineException e)
                {
                    Fail(e, project.Name);
                    continue;
                }

                if (!EnsureImages(engine, project, services, Build))
                {
                    continue;
                }

                var steps = Plan(() => engine.Compose.PlanUpAsync(project, services, ForceRecreate, CancellationToken), project.Name);
                if (steps is null)
                {
                    continue;
                }

                if (Wait)
                {
                    var completed = new HashSet<string>(services.SelectMany(s => s.DependsOn).Where(d => d.Value.Condition == "service_completed_successfully").Select(d => d.Key), StringComparer.Ordinal);
                    foreach (var service in services.Where(s => s.Replicas > 0))
                    {
                        steps.Add(new ComposeStep(ComposeStepKind.WaitService, service.Name, service.Name)
                        {
                            ServiceConfig = service,
                            Condition = completed.Contains(service.Name) ? "running_healthy_or_completed" : "running_healthy",
                        });
                    }
                }

                var options = new ComposeRunOptions { StopTimeout = Timeout, WaitTimeout = WaitTimeout is { } w ? TimeSpan.FromSeconds(w) : null };
                if (RunSteps(engine, project, "Starting compose project " + project.Name, steps, options) && PassThru)
                {
                    var names = new HashSet<string>(services.Select(s => s.Name), StringComparer.Ordinal);
                    foreach (var service in Await(engine.Compose.ListServicesAsync(project.Name, CancellationToken)).Where(s => names.Contains(s.Service)))
                    {
                        WriteObject(service);
                    }
                }
            }
        }
    }
}
