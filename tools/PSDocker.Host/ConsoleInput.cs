using System.Security;

namespace PSDocker.Host;

/// <summary>
/// Reads the host's standard input a line at a time. On a terminal through the line editor; from a
/// pipe or file only when asked (a native command run by a script still gets the rest of stdin), and
/// in a way Ctrl+C can abandon: the read runs on its own thread and the caller waits with a
/// cancellation token. An abandoned piped read is not lost: its line answers the next request.
/// </summary>
internal sealed class ConsoleInput
{
    private readonly TextReader _reader;
    private readonly object _gate = new();
    private Task<string?>? _pending;

    private readonly LineEditor? _editor;

    public ConsoleInput(TextReader reader, LineEditor? editor)
    {
        _reader = reader;
        _editor = editor;
    }

    /// <summary>Whether standard input is a terminal (then answers are typed, not piped).</summary>
    public bool IsTerminal => _editor is not null;

    /// <summary>The input of this process's console.</summary>
    public static ConsoleInput ForConsole(ConsoleOutput output) =>
        new(Console.In, Console.IsInputRedirected || !output.OutIsTerminal ? null : new LineEditor(output));

    /// <summary>The next line without its end, or null at the end of input.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
    public string? ReadLine(CancellationToken cancellation, Func<string, int, System.Management.Automation.CommandCompletion?>? complete = null)
    {
        if (_editor is not null)
        {
            return _editor.ReadLine(cancellation, complete);
        }

        Task<string?> read;
        lock (_gate)
        {
            read = _pending ??= Task.Factory.StartNew(_reader.ReadLine, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var line = read.WaitAsync(cancellation).GetAwaiter().GetResult();
        lock (_gate)
        {
            _pending = null;
        }

        return line;
    }

    /// <summary>
    /// Reads a secret: on a terminal key by key without echo (a '*' per character), otherwise a line
    /// (not echoed either).
    /// Null at the end of input.
    /// </summary>
    public SecureString? ReadSecret(CancellationToken cancellation, Action<string> echo)
    {
        var secret = new SecureString();
        if (!IsTerminal)
        {
            var line = ReadLine(cancellation);
            if (line is null)
            {
                return null;
            }

            // Never shown, but the line it was typed on ends.
            echo("\n");

            foreach (var c in line)
            {
                secret.AppendChar(c);
            }

            secret.MakeReadOnly();
            return secret;
        }

        while (true)
        {
            while (!Console.KeyAvailable)
            {
                cancellation.ThrowIfCancellationRequested();
                Thread.Sleep(30);
            }

            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                echo("\n");
                secret.MakeReadOnly();
                return secret;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                {
                    secret.RemoveAt(secret.Length - 1);
                    echo("\b \b");
                }
            }
            else if (key.KeyChar != '\0')
            {
                secret.AppendChar(key.KeyChar);
                echo("*");
            }
        }
    }
}
