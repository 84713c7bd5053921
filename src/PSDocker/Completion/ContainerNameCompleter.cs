using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Completes container names from the engine the command line targets (-Context/-DockerHost already
    /// typed, else the default engine). Completion never throws: an unreachable engine completes nothing.
    /// </summary>
    public sealed class ContainerNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            IList<Container> containers;
            try
            {
                var resolver = EndpointResolver.ForCurrentProcess();
                EngineEndpoint endpoint = fakeBoundParameters["Context"] is { } ctx
                    ? resolver.FromContext(FirstString(ctx))
                    : fakeBoundParameters["DockerHost"] is { } host
                        ? resolver.FromHost(FirstString(host))
                        : resolver.ResolveDefault();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                containers = ContainerApi.ListAsync(EngineConnection.For(endpoint), new ContainerQuery(), timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }

            var pattern = new WildcardPattern(prefix + "*", WildcardOptions.IgnoreCase);
            return containers
                .Where(c => pattern.IsMatch(c.Name))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, c.Image + " (" + c.State + ")"))
                .ToList();
        }

        private static string FirstString(object value) =>
            value is IEnumerable e and not string ? e.Cast<object>().First().ToString()! : value.ToString()!;

        private static string Quote(string name) =>
            name.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', ';', '(', ')', '{', '}', ',', '&', '|', '@', '#' }) >= 0
                ? "'" + name.Replace("'", "''") + "'"
                : name;
    }
}
