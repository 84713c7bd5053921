using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Completes -Service: with -ProjectName typed, the services of that project on the engine (from their
    /// labels); otherwise the services of the compose files (-Path, else the current folder's).
    /// </summary>
    public sealed class ComposeServiceNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(WildcardPattern.Escape(prefix) + "*", WildcardOptions.IgnoreCase);
            IEnumerable<string> names;
            try
            {
                if (fakeBoundParameters["ProjectName"] is string project && fakeBoundParameters["Path"] is null)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    names = ResourceNameCompleter.EngineFor(fakeBoundParameters).Compose.ListServicesAsync(project, timeout.Token).GetAwaiter().GetResult().Select(s => s.Service);
                }
                else
                {
                    var paths = fakeBoundParameters["Path"] switch
                    {
                        string one => new[] { one },
                        object[] many => many.Select(m => m?.ToString() ?? string.Empty).ToArray(),
                        _ => Array.Empty<string>(),
                    };
                    var config = ComposeLoader.Load(new ComposeLoadRequest
                    {
                        Paths = paths,
                        WorkingDirectory = CurrentFileSystemLocation(),
                        Environment = System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal),
                    });
                    names = config.Services.Concat(config.DisabledServices).Select(s => s.Name);
                }
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }

            return names.Where(n => pattern.IsMatch(n)).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal)
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n)).ToList();
        }
    
        /// <summary>The session's current FileSystem location (completion runs on the pipeline thread), else the process's.</summary>
        private static string CurrentFileSystemLocation()
        {
            try
            {
                using var ps = PowerShell.Create(RunspaceMode.CurrentRunspace);
                ps.AddScript("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath");
                return ps.Invoke().FirstOrDefault()?.BaseObject as string ?? Directory.GetCurrentDirectory();
            }
            catch (Exception)
            {
                return Directory.GetCurrentDirectory();
            }
        }
    }
}
