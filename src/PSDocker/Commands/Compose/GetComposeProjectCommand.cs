using System.Linq;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the compose projects on the engine (docker compose ls -a).</para>
    /// <para type="description">Projects are found by the labels docker compose writes on containers, so
    /// projects started by docker compose, docker-compose and Start-ComposeProject all appear, stopped
    /// ones too, with their status (running(2), exited(1)) and compose files.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposeProject")]
    [OutputType(typeof(ComposeProject))]
    public sealed class GetComposeProjectCommand : DockerCmdlet
    {
        /// <summary>Only projects with these names (wildcards).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [Alias("ProjectName")]
        [ArgumentCompleter(typeof(ComposeProjectNameCompleter))]
        public string[]? Name { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Compose";

        /// <inheritdoc />
        protected override void Process()
        {
            var patterns = Name?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var found = new bool[Name?.Length ?? 0];
            WriteListings(
                engine => engine.Compose.ListProjectsAsync(CancellationToken),
                projects => projects.Where(p =>
                {
                    if (patterns is null)
                    {
                        return true;
                    }

                    var hit = false;
                    for (var i = 0; i < patterns.Count; i++)
                    {
                        if (patterns[i].IsMatch(p.Name))
                        {
                            found[i] = hit = true;
                        }
                    }

                    return hit;
                }).ToList());
            if (Name is not null)
            {
                WriteNotFound(Name.Where((n, i) => !found[i] && !WildcardPattern.ContainsWildcardCharacters(n)), "compose project", false);
            }
        }
    }
}
