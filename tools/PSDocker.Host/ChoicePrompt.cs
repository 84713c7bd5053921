using System.Management.Automation.Host;

namespace PSDocker.Host;

/// <summary>
/// The text and the answer rules of a PromptForChoice, as pwsh shows them:
/// <c>[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): </c>.
/// An answer is a hot key or a whole label, any case; an empty answer takes the default.
/// </summary>
internal sealed class ChoicePrompt
{
    private readonly IReadOnlyList<ChoiceDescription> _choices;
    private readonly int _defaultChoice;

    public ChoicePrompt(IReadOnlyList<ChoiceDescription> choices, int defaultChoice)
    {
        if (choices.Count == 0)
        {
            throw new ArgumentException("A choice prompt needs at least one choice.", nameof(choices));
        }

        if (defaultChoice < -1 || defaultChoice >= choices.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultChoice), defaultChoice, "The default choice is not one of the choices.");
        }

        _choices = choices;
        _defaultChoice = defaultChoice;
    }

    /// <summary>The line that asks, ending in ": ".</summary>
    public string Question
    {
        get
        {
            var items = _choices.Select(c => $"[{HotKey(c.Label)}] {Text(c.Label)}").Append("[?] Help");
            var line = string.Join("  ", items);
            return _defaultChoice >= 0 ? $"{line} (default is \"{HotKey(_choices[_defaultChoice].Label)}\"): " : line + ": ";
        }
    }

    /// <summary>The help shown for "?": each hot key and its help message.</summary>
    public IEnumerable<string> Help => _choices.Select(c => $"{HotKey(c.Label)} - {(string.IsNullOrEmpty(c.HelpMessage) ? Text(c.Label) : c.HelpMessage)}");

    /// <summary>Whether <paramref name="answer"/> asks for the help.</summary>
    public static bool IsHelpRequest(string answer) => answer.Trim() == "?";

    /// <summary>The chosen index, or null when the answer matches no choice (ask again).</summary>
    public int? Match(string answer)
    {
        answer = answer.Trim();
        if (answer.Length == 0)
        {
            return _defaultChoice >= 0 ? _defaultChoice : null;
        }

        for (var i = 0; i < _choices.Count; i++)
        {
            if (string.Equals(answer, HotKey(_choices[i].Label), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        for (var i = 0; i < _choices.Count; i++)
        {
            if (string.Equals(answer, Text(_choices[i].Label), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The hot key of a label: the letter after '&amp;', upper case; the whole label without one.</summary>
    public static string HotKey(string label)
    {
        var amp = label.IndexOf('&');
        return amp >= 0 && amp + 1 < label.Length
            ? char.ToUpperInvariant(label[amp + 1]).ToString()
            : Text(label);
    }

    /// <summary>A label as shown: without its '&amp;'.</summary>
    public static string Text(string label) => label.Replace("&", string.Empty, StringComparison.Ordinal);
}
