using System.Management.Automation;
using System.Text;

namespace PSDocker.Host;

/// <summary>
/// Reads a line typed at a terminal, key by key: editing keys (arrows, Home/End, Backspace/Delete,
/// Ctrl+A/E/U/K/W), history (Up/Down), Tab/Shift+Tab completion when a completer is given, Ctrl+D on
/// an empty line for the end of input. Ctrl+C (delivered as the cancellation token, by the host's
/// Ctrl+C handler) abandons the line. The line may wrap; it is redrawn from where it started.
/// </summary>
internal sealed class LineEditor
{
    private readonly ConsoleOutput _output;
    private readonly List<string> _history = new();

    public LineEditor(ConsoleOutput output) => _output = output;

    /// <summary>Reads a line; null for Ctrl+D on an empty line.</summary>
    /// <exception cref="OperationCanceledException">Ctrl+C: the line is abandoned.</exception>
    public string? ReadLine(CancellationToken cancellation, Func<string, int, CommandCompletion?>? complete)
    {
        var session = new EditSession(_output);
        var buffer = session.Buffer;
        var historyIndex = _history.Count;
        CommandCompletion? completion = null;
        var completionText = string.Empty;
        while (true)
        {
            ConsoleKeyInfo key;
            try
            {
                key = NextKey(cancellation);
            }
            catch (OperationCanceledException)
            {
                session.MoveToEnd();
                throw;
            }

            var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
            if (key.Key != ConsoleKey.Tab)
            {
                completion = null;
            }

            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    session.MoveToEnd();
                    _output.WriteRaw(OutputStream.Out, "\n");
                    var line = buffer.ToString();
                    if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
                    {
                        _history.Add(line);
                    }

                    return line;
                case ConsoleKey.Tab when complete is not null:
                    if (completion is null || buffer.ToString() != completionText)
                    {
                        completion = complete(buffer.ToString(), session.Position);
                    }

                    if (completion is { CompletionMatches.Count: > 0 })
                    {
                        var match = completion.GetNextResult((key.Modifiers & ConsoleModifiers.Shift) == 0);
                        var replaced = buffer.ToString(0, completion.ReplacementIndex) + match.CompletionText;
                        var rest = buffer.ToString(completion.ReplacementIndex + completion.ReplacementLength, buffer.Length - completion.ReplacementIndex - completion.ReplacementLength);
                        completion.ReplacementLength = match.CompletionText.Length;
                        session.Replace(replaced + rest, replaced.Length);
                        completionText = buffer.ToString();
                    }

                    break;
                case ConsoleKey.Backspace:
                    session.DeleteBack();
                    break;
                case ConsoleKey.Delete:
                    session.DeleteForward();
                    break;
                case ConsoleKey.D when control:
                    if (buffer.Length == 0)
                    {
                        _output.WriteRaw(OutputStream.Out, "\n");
                        return null;
                    }

                    session.DeleteForward();
                    break;
                case ConsoleKey.LeftArrow:
                case ConsoleKey.B when control:
                    session.MoveTo(session.Position - 1);
                    break;
                case ConsoleKey.RightArrow:
                case ConsoleKey.F when control:
                    session.MoveTo(session.Position + 1);
                    break;
                case ConsoleKey.Home:
                case ConsoleKey.A when control:
                    session.MoveTo(0);
                    break;
                case ConsoleKey.End:
                case ConsoleKey.E when control:
                    session.MoveTo(buffer.Length);
                    break;
                case ConsoleKey.U when control:
                    session.Replace(buffer.ToString(session.Position, buffer.Length - session.Position), 0);
                    break;
                case ConsoleKey.K when control:
                    session.Replace(buffer.ToString(0, session.Position), session.Position);
                    break;
                case ConsoleKey.W when control:
                    var start = session.Position;
                    while (start > 0 && buffer[start - 1] == ' ')
                    {
                        start--;
                    }

                    while (start > 0 && buffer[start - 1] != ' ')
                    {
                        start--;
                    }

                    session.Replace(buffer.ToString(0, start) + buffer.ToString(session.Position, buffer.Length - session.Position), start);
                    break;
                case ConsoleKey.Escape:
                    session.Replace(string.Empty, 0);
                    break;
                case ConsoleKey.UpArrow:
                case ConsoleKey.P when control:
                    if (historyIndex > 0)
                    {
                        historyIndex--;
                        session.Replace(_history[historyIndex], _history[historyIndex].Length);
                    }

                    break;
                case ConsoleKey.DownArrow:
                case ConsoleKey.N when control:
                    if (historyIndex < _history.Count)
                    {
                        historyIndex++;
                        var text = historyIndex == _history.Count ? string.Empty : _history[historyIndex];
                        session.Replace(text, text.Length);
                    }

                    break;
                default:
                    if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                    {
                        session.Insert(key.KeyChar);
                    }

                    break;
            }
        }
    }

    private static ConsoleKeyInfo NextKey(CancellationToken cancellation)
    {
        // Poll so that Ctrl+C (a signal, turned into the token by the host) ends the wait.
        while (!Console.KeyAvailable)
        {
            cancellation.ThrowIfCancellationRequested();
            Thread.Sleep(15);
        }

        cancellation.ThrowIfCancellationRequested();
        return Console.ReadKey(intercept: true);
    }

    /// <summary>One line being edited: the text, the cursor, and where on screen it started.</summary>
    private sealed class EditSession
    {
        private readonly ConsoleOutput _output;
        private int _left;
        private int _top;

        public EditSession(ConsoleOutput output)
        {
            _output = output;
            (_left, _top) = CursorPosition();
        }

        public StringBuilder Buffer { get; } = new();

        public int Position { get; private set; }

        public void Insert(char c)
        {
            Buffer.Insert(Position, c);
            Position++;
            Render();
        }

        public void DeleteBack()
        {
            if (Position > 0)
            {
                Buffer.Remove(Position - 1, 1);
                Position--;
                Render();
            }
        }

        public void DeleteForward()
        {
            if (Position < Buffer.Length)
            {
                Buffer.Remove(Position, 1);
                Render();
            }
        }

        public void MoveTo(int position)
        {
            Position = Math.Clamp(position, 0, Buffer.Length);
            PlaceCursor();
        }

        public void MoveToEnd() => MoveTo(Buffer.Length);

        public void Replace(string text, int position)
        {
            Buffer.Clear().Append(text);
            Position = Math.Clamp(position, 0, Buffer.Length);
            Render();
        }

        private static int Width => Math.Max(10, SafeConsole(() => Console.WindowWidth, 80));

        private static int Height => Math.Max(1, SafeConsole(() => Console.WindowHeight, 24));

        private void Render()
        {
            var width = Width;
            var text = Buffer.ToString();
            var end = _left + text.Length;

            // At an exact multiple of the width the terminal holds the cursor on the last column
            // until the next character: a space and a carriage return make the wrap happen now.
            var wrap = text.Length > 0 && end % width == 0 ? " \r" : string.Empty;
            _output.WriteRaw(OutputStream.Out, MoveTo(_left, _top) + text + wrap + Ansi.EraseBelow);

            // Writing past the bottom scrolled the screen: the line now starts higher up.
            var lastRow = _top + (end / width);
            var overflow = lastRow - (Height - 1);
            if (overflow > 0)
            {
                _top -= overflow;
            }

            PlaceCursor();
        }

        private void PlaceCursor()
        {
            var offset = _left + Position;
            _output.WriteRaw(OutputStream.Out, MoveTo(offset % Width, _top + (offset / Width)));
        }

        private static string MoveTo(int column, int row) => $"\u001b[{row + 1};{column + 1}H";

        private static (int Left, int Top) CursorPosition()
        {
            try
            {
                return Console.GetCursorPosition();
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
            {
                return (0, Height - 1);
            }
        }

        private static int SafeConsole(Func<int> read, int fallback)
        {
            try
            {
                var value = read();
                return value > 0 ? value : fallback;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
            {
                return fallback;
            }
        }
    }
}
