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
    /// Completes the names of engine resources from the engine the command line targets (-Context or
    /// -DockerHost already typed, else the default engine). The kind is the command's (Stop-Container:
    /// containers), or a parameter's own (<see cref="ImageReferenceCompleter"/>). Completion never throws:
    /// an unreachable engine completes nothing, within two seconds.
    /// </summary>
    public class ResourceNameCompleter : IArgumentCompleter
    {
        private static readonly char[] NeedsQuotes = { ' ', '$', '`', '\'', '"', ';', '(', ')', '{', '}', ',', '&', '|', '@', '#' };

        /// <summary>The kind to complete for a command; by default the one the command's noun names.</summary>
        protected virtual IResourceKind? KindFor(string commandName) => ResourceKinds.ForCommand(commandName);

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            if (KindFor(commandName) is not { } kind)
            {
                return Array.Empty<CompletionResult>();
            }

            var prefix = Prefix(wordToComplete);
            return Complete(prefix, token => kind.CompletionNamesAsync(EngineFor(fakeBoundParameters), prefix, token).GetAwaiter().GetResult());
        }

        /// <summary>What the user has typed of a value, without an opening quote.</summary>
        internal static string Prefix(string? wordToComplete) => (wordToComplete ?? string.Empty).Trim('\'', '"');

        /// <summary>
        /// The completions of names an engine gives: those starting with <paramref name="prefix"/> (ignoring
        /// case), once each, sorted, quoted where the parser needs it. <paramref name="names"/> gets two
        /// seconds; an engine that fails or does not answer in time completes nothing.
        /// </summary>
        internal static IEnumerable<CompletionResult> Complete(string prefix, Func<CancellationToken, IEnumerable<(string Name, string Tooltip)>> names)
        {
            IList<(string Name, string Tooltip)> found;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                found = names(timeout.Token).ToList();
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }

            var pattern = new WildcardPattern(WildcardPattern.Escape(prefix) + "*", WildcardOptions.IgnoreCase);
            return found
                .Where(n => n.Name.Length > 0 && pattern.IsMatch(n.Name))
                .GroupBy(n => n.Name, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n.Name), n.Name, CompletionResultType.ParameterValue, n.Tooltip))
                .ToList();
        }

        /// <summary>The engine a command line targets: its first -Context, else its first -DockerHost, else the default.</summary>
        internal static EngineConnection EngineFor(IDictionary fakeBoundParameters)
        {
            var resolver = EndpointResolver.ForCurrentProcess();
            var endpoint = fakeBoundParameters["Context"] is { } context
                ? resolver.FromContext(First(context))
                : fakeBoundParameters["DockerHost"] is { } host
                    ? resolver.FromHost(First(host))
                    : resolver.ResolveDefault();
            return EngineConnection.For(endpoint);
        }

        /// <summary>A value as PowerShell needs it typed: quoted when it has characters the parser would read.</summary>
        internal static string Quote(string name) =>
            name.IndexOfAny(NeedsQuotes) >= 0 ? "'" + name.Replace("'", "''") + "'" : name;

        private static string First(object value) =>
            value is IEnumerable e and not string ? e.Cast<object>().First().ToString()! : value.ToString()!;
    }

    /// <summary>Completes local image references (<c>repo:tag</c>), for -Image.</summary>
    public sealed class ImageReferenceCompleter : ResourceNameCompleter
    {
        /// <inheritdoc />
        protected override IResourceKind? KindFor(string commandName) => ImageKind.Instance;
    }

    /// <summary>Completes network names, for -Network.</summary>
    public sealed class NetworkNameCompleter : ResourceNameCompleter
    {
        /// <inheritdoc />
        protected override IResourceKind? KindFor(string commandName) => NetworkKind.Instance;
    }
}
