using System.Linq;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the services of a compose project with their containers (docker compose ps -a).</para>
    /// <para type="description">One object per service, with its containers as PSDocker containers. They
    /// pipe into every container cmdlet: Get-ComposeService web | Get-ContainerLog reads the logs of web's
    /// containers (the service's Id property holds its containers' ids). The services are found by docker
    /// compose's labels, so -ProjectName alone is enough, and projects started by docker compose or
    /// docker-compose are listed too.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposeService", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ComposeService))]
    public sealed class GetComposeServiceCommand : ComposeCmdlet
    {
        /// <summary>Only these services (wildcards).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ComposeServiceNameCompleter))]
        public string[]? Service { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            if (ProjectNameOrLoad(out _) is not { } name)
            {
                return;
            }

            var patterns = Service?.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
            var found = new bool[Service?.Length ?? 0];
            WriteListings(
                engine => engine.Compose.ListServicesAsync(name, CancellationToken),
                services => services.Where(s =>
                {
                    if (patterns is null)
                    {
                        return true;
                    }

                    var hit = false;
                    for (var i = 0; i < patterns.Count; i++)
                    {
                        if (patterns[i].IsMatch(s.Service))
                        {
                            found[i] = hit = true;
                        }
                    }

                    return hit;
                }).ToList());
            if (Service is not null)
            {
                WriteNotFound(Service.Where((n, i) => !found[i] && !WildcardPattern.ContainsWildcardCharacters(n)), "container of service", false);
            }
        }
    }
}
