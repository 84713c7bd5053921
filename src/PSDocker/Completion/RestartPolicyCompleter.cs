using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>Completes -RestartPolicy with the policies docker knows.</summary>
    public sealed class RestartPolicyCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            foreach (var name in RestartPolicyParser.Names)
            {
                if (name.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                {
                    yield return new CompletionResult(name);
                }
            }
        }
    }
}
