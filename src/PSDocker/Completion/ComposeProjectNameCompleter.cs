using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;

namespace PSDocker.Commands
{
    /// <summary>Completes -ProjectName with the compose projects on the engine the command line targets (docker compose ls).</summary>
    public sealed class ComposeProjectNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var projects = ResourceNameCompleter.EngineFor(fakeBoundParameters).Compose.ListProjectsAsync(timeout.Token).GetAwaiter().GetResult();
                var pattern = new WildcardPattern(WildcardPattern.Escape(prefix) + "*", WildcardOptions.IgnoreCase);
                return projects
                    .Where(p => pattern.IsMatch(p.Name))
                    .Select(p => new CompletionResult(p.Name, p.Name, CompletionResultType.ParameterValue, p.Status + " " + string.Join(",", p.ConfigFiles)))
                    .ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
