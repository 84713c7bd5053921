using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops the running containers of a compose project (docker compose stop).</para>
    /// <para type="description">The project's containers are found by their labels, so -ProjectName alone is
    /// enough; without it, the project is the one the compose files in the current folder (or -Path)
    /// name. Dependents stop before what they depend on. Start-ComposeProject starts them again.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "ComposeProject", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(void))]
    public sealed class StopComposeProjectCommand : ComposeCmdlet
    {
        /// <summary>Only these services.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ComposeServiceNameCompleter))]
        public string[]? Service { get; set; }

        /// <summary>Seconds each container gets to stop before it is killed (docker compose stop --timeout). Default: the container's own (10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            if (ProjectNameOrLoad(out _) is not { } name)
            {
                return;
            }

            foreach (var engine in TargetEngines)
            {
                var steps = Plan(() => engine.Compose.PlanStopAsync(name, Service, CancellationToken), name);
                if (steps is not null)
                {
                    RunSteps(engine, null, "Stopping compose project " + name, steps, new ComposeRunOptions { StopTimeout = Timeout });
                }
            }
        }
    }
}
