using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace PSDocker.Host;

/// <summary>
/// One run of the host: the runspace with the module imported, the -Command / -File / interactive
/// modes, Ctrl+C, and the exit code. Every pipeline ends in Out-Default with its error stream merged
/// into it, exactly as pwsh runs what is typed, so format views render and errors show as pwsh
/// shows them. Ctrl+C stops the running pipeline (the process goes on), or abandons the line being
/// typed at the prompt.
/// </summary>
internal sealed class HostSession : IDisposable
{
    private readonly ConsoleOutput _output;
    private readonly ConsoleHost _host;
    private readonly ConsoleInput _input;
    private readonly Runspace _runspace;
    private readonly object _gate = new();
    private readonly Stack<PowerShell> _running = new();
    private CancellationTokenSource _interrupt = new();
    private bool _exitNested;
    private bool _lastInputFailed;

    public HostSession(ConsoleOutput output, ConsoleInput input, bool nonInteractive)
    {
        _output = output;
        _input = input;
        var ui = new ConsoleUserInterface(output, input, CurrentInterrupt, nonInteractive);
        _host = new ConsoleHost(ui) { NestedPrompt = RunNestedPrompt, LeaveNestedPrompt = () => _exitNested = true };
        if (output.NoColor)
        {
            PSStyle.Instance.OutputRendering = OutputRendering.PlainText;
        }

        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(_host, state);
        _runspace.Open();
    }

    /// <summary>The engine's version, e.g. 7.6.9.</summary>
    public static string PowerShellVersion =>
        (typeof(PSObject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?").Split('+', ' ')[0];

    /// <summary>Runs what <paramref name="options"/> ask for and returns the process exit code.</summary>
    public int Run(HostOptions options, string modulePath)
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            if (Execute(ps => ps.AddCommand("Import-Module").AddParameter("Name", modulePath).AddParameter("ErrorAction", ActionPreference.Stop), addToHistory: false) is { } importFailure)
            {
                Report(importFailure);
                _output.WriteLine(OutputStream.Error, $"PSDocker.Host: could not import the module {modulePath}.", ConsoleOutput.ErrorStyle);
                return 1;
            }

            var code = 0;
            if (options.Command is not null)
            {
                code = RunCommand(options.Command);
            }
            else if (options.File is not null)
            {
                code = RunFile(options.File, options.FileArguments);
            }

            if (_host.ExitCode is int exit)
            {
                return exit;
            }

            return options.Interactive ? RunPrompt() : code;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            _host.ConsoleUI.EndProgress();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _runspace.Dispose();

    /// <summary>-Command: 0; 1 when the last statement failed ($LASTEXITCODE when it set one), or `exit N`.</summary>
    private int RunCommand(string script)
    {
        var failure = Execute(ps => ps.AddScript(script), addToHistory: true);
        if (_host.ExitCode is int exit)
        {
            return exit;
        }

        if (failure is not null)
        {
            Report(failure);
            return 1;
        }

        if (Evaluate("$global:?") is true)
        {
            return 0;
        }

        return Evaluate("$global:LASTEXITCODE") is int last && last != 0 ? last : 1;
    }

    /// <summary>-File: 0, 1 on a terminating error, or `exit N`.</summary>
    private int RunFile(string file, IReadOnlyList<string> arguments)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            _output.WriteLine(OutputStream.Error, $"The script '{file}' does not exist.", ConsoleOutput.ErrorStyle);
            return 64;
        }

        RethrowScriptExit();
        var failure = Execute(
            ps =>
            {
                ps.AddCommand(path);
                foreach (var parameter in ScriptArguments.ToParameters(arguments))
                {
                    ps.Commands.Commands[0].Parameters.Add(parameter);
                }
            },
            addToHistory: false);
        if (_host.ExitCode is int exit)
        {
            return exit;
        }

        if (failure is not null)
        {
            Report(failure);
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// Makes `exit N` in the -File script end the host with N, as pwsh -File does. A script invoked as a
    /// command normally keeps its `exit` to itself (it only sets $LASTEXITCODE, as a native command
    /// would); pwsh switches that off with an engine setting that has no public API, so it is set
    /// here by name. Should a later engine rename it, `exit N` falls back to ending just the script.
    /// </summary>
    private void RethrowScriptExit()
    {
        const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var context = _runspace.GetType().GetProperty("ExecutionContext", Internal)?.GetValue(_runspace);
        context?.GetType().GetProperty("ScriptCommandProcessorShouldRethrowExit", Internal)?.SetValue(context, true);
    }

    /// <summary>The interactive prompt, until `exit` or the end of input.</summary>
    private int RunPrompt()
    {
        if (_input.IsTerminal)
        {
            var module = Evaluate("(Get-Module PSDocker).Version") ?? "?";
            _output.WriteLine(OutputStream.Out, $"PSDocker {module} in PowerShell {PowerShellVersion} (PSDocker.Host). `exit` or Ctrl+D leaves; Ctrl+C stops a command.");
        }

        ReadEvalPrint(nested: false);
        return _host.ExitCode ?? (_lastInputFailed || Evaluate("$global:?") is false ? 1 : 0);
    }

    private void RunNestedPrompt()
    {
        var outer = _exitNested;
        _exitNested = false;
        try
        {
            ReadEvalPrint(nested: true);
        }
        finally
        {
            _exitNested = outer;
        }
    }

    private void ReadEvalPrint(bool nested)
    {
        while (true)
        {
            var script = ReadInput(nested);
            if (script is null)
            {
                return;
            }

            if (script.Trim().Length == 0)
            {
                continue;
            }

            var failure = Execute(ps => ps.AddScript(script), addToHistory: true, nested);
            if (failure is not null)
            {
                Report(failure, nested);
            }

            _lastInputFailed = failure is not null;

            if (nested ? _exitNested : _host.ExitCode is not null)
            {
                return;
            }
        }
    }

    /// <summary>Reads one complete input (more lines while it parses as incomplete); null at the end of input.</summary>
    private string? ReadInput(bool nested)
    {
        var text = string.Empty;
        _output.EnsureLineStart();
        while (true)
        {
            _output.Write(OutputStream.Out, text.Length == 0 ? PromptText(nested) : ">> ");
            string? line;
            try
            {
                line = _input.ReadLine(NewInterrupt(), (input, cursor) => Complete(input, cursor, nested));
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C at the prompt abandons what was typed.
                _output.WriteLine(OutputStream.Out, string.Empty);
                text = string.Empty;
                continue;
            }

            if (line is null)
            {
                _output.WriteLine(OutputStream.Out, string.Empty);
                return text.Length == 0 ? null : text;
            }

            if (!_input.IsTerminal)
            {
                // Piped input is not echoed by a terminal: show it, so the output reads like a session.
                _output.WriteLine(OutputStream.Out, line);
            }

            text = text.Length == 0 ? line : text + "\n" + line;
            Parser.ParseInput(text, out _, out var errors);
            if (!errors.Any(e => e.IncompleteInput) || line.Length == 0 && text.EndsWith("\n", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    private CommandCompletion? Complete(string input, int cursor, bool nested)
    {
        try
        {
            using var ps = NewPowerShell(nested);
            return CommandCompletion.CompleteInput(input, cursor, options: null, ps);
        }
        catch (RuntimeException)
        {
            return null;
        }
    }

    private string PromptText(bool nested)
    {
        try
        {
            using var ps = NewPowerShell(nested);
            var result = ps.AddCommand("prompt").Invoke();
            var text = string.Concat(result.Select(r => r?.ToString()));
            return text.Length > 0 ? text : "PS> ";
        }
        catch (RuntimeException)
        {
            return "PS> ";
        }
    }

    /// <summary>Runs one pipeline into Out-Default; returns the terminating error, if any.</summary>
    private RuntimeException? Execute(Action<PowerShell> build, bool addToHistory, bool nested = false)
    {
        using var ps = NewPowerShell(nested);
        build(ps);
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        lock (_gate)
        {
            NewInterrupt();
            _running.Push(ps);
        }

        try
        {
            ps.Invoke(input: null, new PSInvocationSettings { AddToHistory = addToHistory });
            return null;
        }
        catch (RuntimeException e)
        {
            return e;
        }
        finally
        {
            lock (_gate)
            {
                _running.Pop();
            }

            if (!nested)
            {
                _host.ConsoleUI.EndProgress();
            }
        }
    }

    /// <summary>Shows a terminating error the way pwsh does: in the error view, with its position, on stderr.</summary>
    private void Report(RuntimeException failure, bool nested = false)
    {
        if (failure is PipelineStoppedException)
        {
            return;
        }

        // Marked the way 2>&1 marks a merged error, so Out-Default picks the error view ($ErrorView);
        // what it writes goes to stderr like every other error.
        var error = new PSObject(failure.ErrorRecord);
        error.Properties.Add(new PSNoteProperty("writeErrorStream", true));
        using var ps = NewPowerShell(nested);
        ps.AddCommand("Out-Default").AddParameter("InputObject", error);
        _host.ConsoleUI.OutputToError = true;
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException)
        {
            _output.WriteLine(OutputStream.Error, failure.ErrorRecord.ToString(), ConsoleOutput.ErrorStyle);
        }
        finally
        {
            _host.ConsoleUI.OutputToError = false;
        }
    }

    private object? Evaluate(string expression)
    {
        using var ps = NewPowerShell(nested: false);
        var result = ps.AddScript(expression).Invoke();
        return result.Count == 1 ? result[0]?.BaseObject : null;
    }

    private PowerShell NewPowerShell(bool nested)
    {
        if (nested)
        {
            return PowerShell.Create(RunspaceMode.CurrentRunspace);
        }

        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        return ps;
    }

    /// <summary>The token Ctrl+C cancels: reads (prompts, answers) wait with it.</summary>
    private CancellationToken CurrentInterrupt()
    {
        lock (_gate)
        {
            return _interrupt.Token;
        }
    }

    /// <summary>A fresh token, unless the current one has not been cancelled yet.</summary>
    private CancellationToken NewInterrupt()
    {
        lock (_gate)
        {
            // A cancelled source is dropped, not disposed: a read may still be looking at its token.
            if (_interrupt.IsCancellationRequested)
            {
                _interrupt = new CancellationTokenSource();
            }

            return _interrupt.Token;
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        // Keep the process: stop what runs (the innermost pipeline) and abandon any read.
        e.Cancel = true;
        lock (_gate)
        {
            _interrupt.Cancel();
            if (_running.TryPeek(out var ps))
            {
                ps.BeginStop(null, null);
            }
        }
    }
}
