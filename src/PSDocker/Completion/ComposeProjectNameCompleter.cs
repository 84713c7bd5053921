using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace PSDocker.Commands
{
    /// <summary>Completes -ProjectName with the compose projects on the engine the command line targets (docker compose ls).</summary>
    public sealed class ComposeProjectNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            ResourceNameCompleter.Complete(
                ResourceNameCompleter.Prefix(wordToComplete),
                token => ResourceNameCompleter.EngineFor(fakeBoundParameters).Compose.ListProjectsAsync(token).GetAwaiter().GetResult()
                    .Select(p => (p.Name, p.Status + " " + string.Join(",", p.ConfigFiles))));
    }
}
