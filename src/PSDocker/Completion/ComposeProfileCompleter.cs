using System.Collections.Generic;
using System.Linq;

namespace PSDocker.Commands
{
    /// <summary>Completes -Profile with the profiles the compose project's services name.</summary>
    public sealed class ComposeProfileCompleter : ComposeFileCompleter
    {
        /// <inheritdoc />
        internal override IEnumerable<string> Values(ComposeProjectConfig project) => project.Services.SelectMany(s => s.Profiles);
    }
}
