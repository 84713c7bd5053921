using System.Management.Automation.Runspaces;

namespace PSDocker.Host;

/// <summary>
/// Turns -File's arguments into parameters the way pwsh does: <c>-Name</c> names a parameter (its
/// value, unless it is a switch, is the next argument), <c>-Name:value</c> binds in one (true/false,
/// with or without '$', become booleans, so <c>-Force:$false</c> works), <c>-Name:</c> takes the next
/// argument as its value, anything else is positional.
/// </summary>
internal static class ScriptArguments
{
    public static IEnumerable<CommandParameter> ToParameters(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.Length < 2 || argument[0] != '-')
            {
                yield return new CommandParameter(null, argument);
                continue;
            }

            // A name keeps its dash: that is how the engine tells "-Name" from a positional value.
            var colon = argument.IndexOf(':');
            if (colon < 0)
            {
                yield return new CommandParameter(argument);
            }
            else if (colon == argument.Length - 1)
            {
                yield return new CommandParameter(argument[..colon], i + 1 < arguments.Count ? arguments[++i] : null);
            }
            else
            {
                yield return new CommandParameter(argument[..colon], BooleanOrText(argument[(colon + 1)..]));
            }
        }
    }

    private static object BooleanOrText(string text) =>
        bool.TryParse(text.StartsWith('$') ? text[1..] : text, out var value) ? value : text;
}
