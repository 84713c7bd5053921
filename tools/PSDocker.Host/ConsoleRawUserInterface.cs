using System.Management.Automation.Host;

namespace PSDocker.Host;

/// <summary>
/// The console's geometry and keys. The width PowerShell's formatting lays tables out in is the
/// terminal's; on redirected output it is $COLUMNS, else 120. Colours are those of the terminal
/// (reported as -1, "the terminal's default", like pwsh on Unix) until a script sets them.
/// Screen-buffer access (Get/SetBufferContents) is not offered: a plain terminal has no readable buffer.
/// </summary>
internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    private const ConsoleColor TerminalDefault = (ConsoleColor)(-1);
    private const int RedirectedWidth = 120;
    private readonly ConsoleOutput _output;
    private string _title = "PSDocker";

    public ConsoleRawUserInterface(ConsoleOutput output) => _output = output;

    /// <inheritdoc />
    public override ConsoleColor ForegroundColor { get; set; } = TerminalDefault;

    /// <inheritdoc />
    public override ConsoleColor BackgroundColor { get; set; } = TerminalDefault;

    /// <summary>The columns output is laid out in.</summary>
    public int Width
    {
        get
        {
            if (_output.OutIsTerminal && TryConsole(() => Console.WindowWidth) is > 0 and var width)
            {
                return width;
            }

            return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : RedirectedWidth;
        }
    }

    private int Height => _output.OutIsTerminal && TryConsole(() => Console.WindowHeight) is > 0 and var height ? height : 50;

    /// <inheritdoc />
    public override Coordinates CursorPosition
    {
        get => _output.OutIsTerminal ? new Coordinates(TryConsole(() => Console.CursorLeft), TryConsole(() => Console.CursorTop)) : new Coordinates(0, 0);
        set
        {
            if (_output.OutIsTerminal)
            {
                TryConsole(() =>
                {
                    Console.SetCursorPosition(value.X, value.Y);
                    return 0;
                });
            }
        }
    }

    /// <inheritdoc />
    public override Coordinates WindowPosition
    {
        get => new(0, 0);
        set { }
    }

    /// <inheritdoc />
    public override int CursorSize
    {
        get => 25;
        set { }
    }

    /// <inheritdoc />
    public override Size BufferSize
    {
        get => new(Width, Height);
        set => throw new NotSupportedException("The console host cannot resize the terminal.");
    }

    /// <inheritdoc />
    public override Size WindowSize
    {
        get => new(Width, Height);
        set => throw new NotSupportedException("The console host cannot resize the terminal.");
    }

    /// <inheritdoc />
    public override Size MaxWindowSize => WindowSize;

    /// <inheritdoc />
    public override Size MaxPhysicalWindowSize => WindowSize;

    /// <inheritdoc />
    public override bool KeyAvailable => !Console.IsInputRedirected && Console.KeyAvailable;

    /// <inheritdoc />
    public override string WindowTitle
    {
        get => _title;
        set
        {
            _title = value;
            if (_output.UsesColor(OutputStream.Out))
            {
                _output.Write(OutputStream.Out, $"\u001b]0;{value}\u0007");
            }
        }
    }

    /// <inheritdoc />
    public override KeyInfo ReadKey(ReadKeyOptions options)
    {
        if (Console.IsInputRedirected)
        {
            throw new NotSupportedException("ReadKey needs a terminal on standard input.");
        }

        var key = Console.ReadKey(intercept: (options & ReadKeyOptions.NoEcho) != 0);
        var state = (ControlKeyStates)0;
        if ((key.Modifiers & ConsoleModifiers.Shift) != 0)
        {
            state |= ControlKeyStates.ShiftPressed;
        }

        if ((key.Modifiers & ConsoleModifiers.Control) != 0)
        {
            state |= ControlKeyStates.LeftCtrlPressed;
        }

        if ((key.Modifiers & ConsoleModifiers.Alt) != 0)
        {
            state |= ControlKeyStates.LeftAltPressed;
        }

        return new KeyInfo((int)key.Key, key.KeyChar, state, keyDown: true);
    }

    /// <inheritdoc />
    public override void FlushInputBuffer()
    {
        while (KeyAvailable)
        {
            Console.ReadKey(intercept: true);
        }
    }

    /// <inheritdoc />
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) =>
        throw new NotSupportedException("The console host does not offer screen-buffer access.");

    /// <inheritdoc />
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
        // Clear-Host asks to fill the whole buffer with blanks: clear the screen.
        if (rectangle.Left == -1 && rectangle.Top == -1 && fill.Character == ' ')
        {
            if (_output.OutIsTerminal)
            {
                _output.Write(OutputStream.Out, "\u001b[2J\u001b[3J\u001b[H");
            }

            return;
        }

        throw new NotSupportedException("The console host does not offer screen-buffer access.");
    }

    /// <inheritdoc />
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("The console host does not offer screen-buffer access.");

    /// <inheritdoc />
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) =>
        throw new NotSupportedException("The console host does not offer screen-buffer access.");

    /// <summary>The ANSI style for writing in these colours, or null for the terminal's own.</summary>
    public string? StyleFor(ConsoleColor foreground, ConsoleColor background)
    {
        var style = string.Empty;
        if (foreground != TerminalDefault && foreground != ForegroundColor)
        {
            style += Ansi.Color(foreground, background: false);
        }

        if (background != TerminalDefault && background != BackgroundColor)
        {
            style += Ansi.Color(background, background: true);
        }

        return style.Length == 0 ? null : style;
    }

    private static int TryConsole(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException or ArgumentOutOfRangeException)
        {
            return 0;
        }
    }
}
