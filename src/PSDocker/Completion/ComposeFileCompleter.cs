using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>Completes from the compose project the command would read (its -Path, else the file found from the current location); nothing when it cannot be read.</summary>
    public abstract class ComposeFileCompleter : FixedValueCompleter
    {
        /// <summary>The values of a loaded project.</summary>
        internal abstract IEnumerable<string> Values(ComposeProjectConfig project);

        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters)
        {
            try
            {
                var location = CurrentFileSystemLocation() ?? Environment.CurrentDirectory;
                var paths = fakeBoundParameters["Path"] switch
                {
                    string s => new[] { s },
                    object[] a => a.Select(o => o?.ToString() ?? string.Empty).ToArray(),
                    _ => Array.Empty<string>(),
                };
                var project = ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = location, Paths = paths, Environment = ComposeFiles.ProcessEnvironment(), Profiles = new[] { "*" } });
                return Values(project).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is ComposeFileException or System.IO.IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Array.Empty<string>();
            }
        }

        // The session's location, not the process's: a completer runs on the pipeline thread, where a nested
        // command on the current runspace can ask for it (SessionStateProxy cannot while a pipeline runs).
        private static string? CurrentFileSystemLocation()
        {
            if (Runspace.DefaultRunspace is null)
            {
                return null;
            }

            try
            {
                using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddCommand("Microsoft.PowerShell.Management\\Get-Location").AddParameter("PSProvider", "FileSystem");
                return shell.Invoke<PathInfo>().FirstOrDefault()?.ProviderPath;
            }
            catch (Exception e) when (e is PSInvalidOperationException or RuntimeException)
            {
                return null;
            }
        }
    }
}
