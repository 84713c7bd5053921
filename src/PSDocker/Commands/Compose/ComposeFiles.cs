using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// What every compose cmdlet does with its -Path/-ProjectName/-Profile/-Service parameters: paths
    /// resolved against the session's current FileSystem location (not the process's), the process
    /// environment for interpolation, the loader's warnings written as warnings.
    /// </summary>
    internal static class ComposeFiles
    {
        /// <summary>The loader's request for a cmdlet's parameters.</summary>
        internal static ComposeLoadRequest Request(PSCmdlet cmdlet, string[]? path, string? projectName, string[]? profile, string[]? service)
        {
            return new ComposeLoadRequest
            {
                Paths = (path ?? Array.Empty<string>()).Select(p => cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(p)).ToArray(),
                WorkingDirectory = cmdlet.SessionState.Path.CurrentFileSystemLocation.ProviderPath,
                ProjectName = string.IsNullOrEmpty(projectName) ? null : projectName,
                Environment = ProcessEnvironment(),
                Profiles = profile ?? Array.Empty<string>(),
                Services = service ?? Array.Empty<string>(),
            };
        }

        /// <summary>The process environment, which compose files interpolate.</summary>
        internal static Dictionary<string, string> ProcessEnvironment()
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            {
                environment[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            return environment;
        }

        /// <summary>
        /// Loads the project, writing compose's warnings; null after writing the error record of a file that
        /// cannot be used (ComposeFileException.ToErrorRecord: ErrorId, category, the file, file:line:column).
        /// </summary>
        internal static ComposeProjectConfig? Load(PSCmdlet cmdlet, ComposeLoadRequest request)
        {
            try
            {
                var project = ComposeLoader.Load(request);
                foreach (var warning in project.Warnings)
                {
                    cmdlet.WriteWarning(warning);
                }

                return project;
            }
            catch (ComposeFileException e)
            {
                cmdlet.WriteError(e.ToErrorRecord(request.WorkingDirectory));
                return null;
            }
        }
    }
}
