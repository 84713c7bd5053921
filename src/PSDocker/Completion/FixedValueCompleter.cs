using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>Completes a parameter from a fixed list of values, in the list's order.</summary>
    public abstract class FixedValueCompleter : IArgumentCompleter
    {
        /// <summary>The values offered.</summary>
        protected abstract IEnumerable<string> Values(IDictionary fakeBoundParameters);

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = ResourceNameCompleter.Prefix(wordToComplete);
            return Values(fakeBoundParameters)
                .Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(ResourceNameCompleter.Quote(v), v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }

    /// <summary>Completes -RestartPolicy with the policies docker knows.</summary>
    public sealed class RestartPolicyCompleter : FixedValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => RestartPolicyParser.Names;
    }

    /// <summary>Completes -Status with the states the engine filters on (not Unknown, which it cannot).</summary>
    public sealed class ContainerStatusCompleter : FixedValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) =>
            Enum.GetNames(typeof(ContainerState)).Where(n => n != nameof(ContainerState.Unknown));
    }

    /// <summary>Completes -Signal with the signal names docker kill takes.</summary>
    public sealed class SignalCompleter : FixedValueCompleter
    {
        private static readonly string[] Signals =
        {
            "SIGTERM", "SIGKILL", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGSTOP", "SIGCONT", "SIGWINCH", "SIGALRM", "SIGPIPE",
        };

        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => Signals;
    }

    /// <summary>Completes -Context with the docker contexts in the docker config (as <c>docker context ls</c> lists them).</summary>
    public sealed class ContextNameCompleter : FixedValueCompleter
    {
        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters)
        {
            try
            {
                return ContextStore.ForCurrentProcess().List().Where(c => c.Error is null).Select(c => c.Name).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.IO.InvalidDataException)
            {
                // No config folder to read, or a broken config.json: only the default.
                return new[] { DockerConfigStore.DefaultContextName };
            }
        }
    }
}
