using System.Management.Automation.Host;
using System.Text;

namespace PSDocker.Host;

/// <summary>Where a piece of host output goes.</summary>
internal enum OutputStream
{
    /// <summary>Standard output: pipeline output and prompts.</summary>
    Out,

    /// <summary>Standard error: errors, warnings, verbose, debug and progress.</summary>
    Error,
}

/// <summary>
/// The host's two output streams behind one lock. Colour (and any ANSI decoration PowerShell's
/// formatting adds) is kept only where the stream is a terminal and NO_COLOR is not set; a redirected
/// stream gets plain text. Also owns the transient progress line on a terminal's stderr: any other
/// write erases it first and draws it again after a completed line, so it never mixes with output.
/// </summary>
internal sealed class ConsoleOutput
{
    private readonly object _gate = new();
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private string? _progress;
    private bool _progressShown;
    private bool _atLineStart = true;

    public ConsoleOutput(TextWriter stdout, TextWriter stderr, bool outIsTerminal, bool errorIsTerminal, bool noColor)
    {
        _out = stdout;
        _error = stderr;
        OutIsTerminal = outIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        NoColor = noColor;
    }

    /// <summary>The style of error lines ($PSStyle.Formatting.Error; empty when rendering is plain).</summary>
    public static string ErrorStyle => PSHostUserInterface.GetFormatStyleString(PSHostUserInterface.FormatStyle.Error);

    /// <summary>Whether standard output is a terminal.</summary>
    public bool OutIsTerminal { get; }

    /// <summary>Whether standard error is a terminal.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>NO_COLOR was set (or TERM=dumb): never colour.</summary>
    public bool NoColor { get; }

    /// <summary>Creates the output for this process's console, from the environment.</summary>
    public static ConsoleOutput ForConsole()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = false };
        return new ConsoleOutput(stdout, stderr, !Console.IsOutputRedirected, !Console.IsErrorRedirected, noColor);
    }

    /// <summary>Whether this stream shows colour.</summary>
    public bool UsesColor(OutputStream stream) => !NoColor && (stream == OutputStream.Out ? OutIsTerminal : ErrorIsTerminal);

    /// <summary>Writes text; ANSI decorations survive only where <see cref="UsesColor"/>.</summary>
    public void Write(OutputStream stream, string text, string? style = null)
    {
        var color = UsesColor(stream);
        text = PSHostUserInterface.GetOutputString(text, color);
        if (color && !string.IsNullOrEmpty(style) && text.Length > 0)
        {
            // Colour each line on its own so a line that is erased (progress) never leaks the style.
            text = string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : style + line + Ansi.Reset));
        }

        lock (_gate)
        {
            EraseProgress();
            var writer = stream == OutputStream.Out ? _out : _error;
            writer.Write(text);
            writer.Flush();
            if (text.Length > 0)
            {
                _atLineStart = text[^1] == '\n';
            }

            if (_atLineStart)
            {
                DrawProgress();
            }
        }
    }

    /// <summary>Writes text as it is: terminal control sequences of the line editor.</summary>
    public void WriteRaw(OutputStream stream, string text)
    {
        lock (_gate)
        {
            var writer = stream == OutputStream.Out ? _out : _error;
            writer.Write(text);
            writer.Flush();
            _atLineStart = text.EndsWith('\n');
        }
    }

    /// <summary>Ends the current line if something was left on it (a prompt cut short by Ctrl+C).</summary>
    public void EnsureLineStart()
    {
        lock (_gate)
        {
            if (!_atLineStart)
            {
                Write(OutputStream.Out, "\n");
            }
        }
    }

    /// <summary>Writes text and a new line.</summary>
    public void WriteLine(OutputStream stream, string text, string? style = null) => Write(stream, text + "\n", style);

    /// <summary>
    /// Shows <paramref name="line"/> as the progress line on a terminal's stderr, or removes it (null).
    /// Without a terminal on stderr progress is not shown at all: logs get no redraw noise.
    /// </summary>
    public void SetProgress(string? line)
    {
        if (!ErrorIsTerminal)
        {
            return;
        }

        lock (_gate)
        {
            EraseProgress();
            _progress = line;
            if (_atLineStart)
            {
                DrawProgress();
            }
        }
    }

    /// <summary>Removes the progress line from the screen (on exit, before prompting).</summary>
    public void ClearProgress() => SetProgress(null);

    private void EraseProgress()
    {
        if (_progressShown)
        {
            _error.Write("\r" + Ansi.EraseLine);
            _error.Flush();
            _progressShown = false;
        }
    }

    private void DrawProgress()
    {
        if (_progress is not null)
        {
            _error.Write(_progress + "\r");
            _error.Flush();
            _progressShown = true;
        }
    }
}

/// <summary>The few ANSI sequences the host writes itself.</summary>
internal static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string EraseLine = "\u001b[K";
    public const string EraseBelow = "\u001b[J";
    public const string Reverse = "\u001b[7m";

    /// <summary>The SGR sequence for a console colour, foreground or background.</summary>
    public static string Color(ConsoleColor color, bool background)
    {
        var code = color switch
        {
            ConsoleColor.Black => 30,
            ConsoleColor.DarkRed => 31,
            ConsoleColor.DarkGreen => 32,
            ConsoleColor.DarkYellow => 33,
            ConsoleColor.DarkBlue => 34,
            ConsoleColor.DarkMagenta => 35,
            ConsoleColor.DarkCyan => 36,
            ConsoleColor.Gray => 37,
            ConsoleColor.DarkGray => 90,
            ConsoleColor.Red => 91,
            ConsoleColor.Green => 92,
            ConsoleColor.Yellow => 93,
            ConsoleColor.Blue => 94,
            ConsoleColor.Magenta => 95,
            ConsoleColor.Cyan => 96,
            _ => 97,
        };
        return $"\u001b[{(background ? code + 10 : code)}m";
    }
}
