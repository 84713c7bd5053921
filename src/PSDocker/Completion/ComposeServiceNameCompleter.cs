using System.Collections.Generic;
using System.Linq;

namespace PSDocker.Commands
{
    /// <summary>Completes -Service with the services of the compose project (all profiles).</summary>
    public sealed class ComposeServiceNameCompleter : ComposeFileCompleter
    {
        /// <inheritdoc />
        internal override IEnumerable<string> Values(ComposeProjectConfig project) => project.Services.Select(s => s.Name);
    }
}
