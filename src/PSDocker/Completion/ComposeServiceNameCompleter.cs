using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PSDocker.Commands
{
    /// <summary>
    /// Completes -Service with the services of the compose project (all profiles); with -ProjectName typed
    /// and no -Path, with the services of that project on the engine (from their labels), so a project
    /// whose files are elsewhere completes too.
    /// </summary>
    public sealed class ComposeServiceNameCompleter : ComposeFileCompleter
    {
        /// <inheritdoc />
        internal override IEnumerable<string> Values(ComposeProjectConfig project) => project.Services.Select(s => s.Name);

        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters["ProjectName"] is string name && fakeBoundParameters["Path"] is null)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    return ResourceNameCompleter.EngineFor(fakeBoundParameters).Compose.ListServicesAsync(name, timeout.Token).GetAwaiter().GetResult()
                        .Select(s => s.Service).ToList();
                }
                catch (Exception)
                {
                    return Array.Empty<string>();
                }
            }

            return base.Values(fakeBoundParameters);
        }
    }
}
