using System.Linq;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Builds the images of a compose project's services (docker compose build).</para>
    /// <para type="description">Every service with a build section (or those -Service names) is built from
    /// its context and Dockerfile with its args and target, and tagged with its image: name, else
    /// docker compose's default PROJECT-SERVICE. Start-ComposeProject -Build builds the same way before
    /// it starts the project.</para>
    /// </summary>
    [Cmdlet("Build", "ComposeProject", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(void))]
    public sealed class BuildComposeProjectCommand : ComposeCmdlet
    {
        /// <summary>Only these services.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ComposeServiceNameCompleter))]
        public string[]? Service { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            var project = LoadProject(Service);
            if (project is null || SelectServices(project, Service, withDependencies: false) is not { } services)
            {
                return;
            }

            foreach (var engine in TargetEngines)
            {
                foreach (var service in services.Where(s => s.Build is not null))
                {
                    if (!BuildImage(engine, project, service))
                    {
                        break;
                    }
                }
            }
        }
    }
}
