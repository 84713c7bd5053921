using System.Collections;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PSDocker.Host;

/// <summary>
/// The host's user interface: output and the error, warning, verbose and debug lines on the
/// console (those four on stderr, coloured only on a terminal), a one-line progress display, and
/// prompts (-Confirm choices, mandatory parameters, credentials) answered from stdin. A prompt
/// waits in a way Ctrl+C can abandon; with -NonInteractive, or when stdin has ended, it fails
/// with a message saying so instead of waiting.
/// </summary>
internal sealed class ConsoleUserInterface : PSHostUserInterface
{
    private readonly ConsoleOutput _output;
    private readonly ConsoleInput _input;
    private readonly ConsoleRawUserInterface _rawUI;
    private readonly Func<CancellationToken> _stopToken;
    private readonly ProgressLine _progress = new();
    private readonly object _progressGate = new();

    public ConsoleUserInterface(ConsoleOutput output, ConsoleInput input, Func<CancellationToken> stopToken, bool nonInteractive)
    {
        _output = output;
        _input = input;
        _stopToken = stopToken;
        NonInteractive = nonInteractive;
        _rawUI = new ConsoleRawUserInterface(output);
    }

    /// <summary>Prompts fail instead of reading stdin.</summary>
    public bool NonInteractive { get; }

    /// <summary>Send what is written as output to stderr instead (while a terminating error is shown).</summary>
    public bool OutputToError { get; set; }

    private OutputStream OutputTarget => OutputToError ? OutputStream.Error : OutputStream.Out;

    /// <inheritdoc />
    public override PSHostRawUserInterface RawUI => _rawUI;

    /// <inheritdoc />
    public override bool SupportsVirtualTerminal => _output.UsesColor(OutputStream.Out);

    /// <inheritdoc />
    public override void Write(string value) => _output.Write(OutputTarget, value);

    /// <inheritdoc />
    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        _output.Write(OutputTarget, value, _rawUI.StyleFor(foregroundColor, backgroundColor));

    /// <inheritdoc />
    public override void WriteLine(string value) => _output.WriteLine(OutputTarget, value);

    /// <inheritdoc />
    public override void WriteLine(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        _output.WriteLine(OutputTarget, value, _rawUI.StyleFor(foregroundColor, backgroundColor));

    /// <inheritdoc />
    public override void WriteErrorLine(string value) =>
        _output.WriteLine(OutputStream.Error, value, ConsoleOutput.ErrorStyle);

    /// <inheritdoc />
    public override void WriteWarningLine(string message) =>
        _output.WriteLine(OutputStream.Error, "WARNING: " + message, GetFormatStyleString(FormatStyle.Warning));

    /// <inheritdoc />
    public override void WriteVerboseLine(string message) =>
        _output.WriteLine(OutputStream.Error, "VERBOSE: " + message, GetFormatStyleString(FormatStyle.Verbose));

    /// <inheritdoc />
    public override void WriteDebugLine(string message) =>
        _output.WriteLine(OutputStream.Error, "DEBUG: " + message, GetFormatStyleString(FormatStyle.Debug));

    /// <inheritdoc />
    public override void WriteInformation(InformationRecord record)
    {
        // Nothing to do: PowerShell shows what should be shown (Write-Host, -InformationAction
        // Continue) through WriteLine itself; this hook is for hosts that keep the records.
    }

    /// <inheritdoc />
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        lock (_progressGate)
        {
            _output.SetProgress(_progress.Update(sourceId, record, _rawUI.Width));
        }
    }

    /// <summary>Removes any progress still shown: the pipeline that wrote it has ended.</summary>
    public void EndProgress()
    {
        lock (_progressGate)
        {
            _progress.Reset();
            _output.ClearProgress();
        }
    }

    /// <inheritdoc />
    public override string ReadLine() => ReadAnswer("a line") ?? string.Empty;

    /// <inheritdoc />
    public override SecureString ReadLineAsSecureString()
    {
        EnsureInteractive("a secret");
        _output.ClearProgress();
        try
        {
            return _input.ReadSecret(_stopToken(), text => _output.Write(OutputStream.Out, text))
                ?? throw InputEnded("a secret");
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <inheritdoc />
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        var prompt = new ChoicePrompt(choices, defaultChoice);
        EnsureInteractive(string.IsNullOrEmpty(caption) ? "a choice" : caption);
        WriteCaption(caption, message);
        while (true)
        {
            Write(prompt.Question);
            var answer = ReadAnswer(string.IsNullOrEmpty(caption) ? "a choice" : caption) ?? throw InputEnded(caption);
            if (ChoicePrompt.IsHelpRequest(answer))
            {
                foreach (var help in prompt.Help)
                {
                    WriteLine(help);
                }

                continue;
            }

            if (prompt.Match(answer) is int chosen)
            {
                return chosen;
            }
        }
    }

    /// <inheritdoc />
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        EnsureInteractive(descriptions.Count == 1 ? descriptions[0].Name : "values");
        WriteCaption(caption, message);
        var results = new Dictionary<string, PSObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in descriptions)
        {
            var type = FieldType(field);
            if (type == typeof(PSCredential))
            {
                results[field.Name] = new PSObject(PromptForCredential(string.Empty, string.Empty, string.Empty, string.Empty));
            }
            else if (type == typeof(SecureString))
            {
                Write(field.Name + ": ");
                results[field.Name] = new PSObject(ReadLineAsSecureString());
            }
            else if (type is not null && type != typeof(string) && typeof(IList).IsAssignableFrom(type))
            {
                var values = new List<string>();
                while (ReadField($"{field.Name}[{values.Count}]", field) is { Length: > 0 } value)
                {
                    values.Add(value);
                }

                results[field.Name] = new PSObject(values.ToArray());
            }
            else
            {
                results[field.Name] = new PSObject(ReadField(field.Name, field));
            }
        }

        return results;
    }

    /// <inheritdoc />
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        PromptForCredential(caption, message, userName, targetName, PSCredentialTypes.Default, PSCredentialUIOptions.Default);

    /// <inheritdoc />
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
    {
        EnsureInteractive("a credential");
        WriteCaption(caption, message);
        var user = userName;
        while (string.IsNullOrEmpty(user))
        {
            Write("User: ");
            user = (ReadAnswer("a user name") ?? throw InputEnded("a user name")).Trim();
        }

        Write(string.Format(CultureInfo.CurrentCulture, "Password for user {0}: ", user));
        return new PSCredential(user, ReadLineAsSecureString());
    }

    private static Type? FieldType(FieldDescription field)
    {
        if (string.IsNullOrEmpty(field.ParameterAssemblyFullName))
        {
            return null;
        }

        try
        {
            return Type.GetType(field.ParameterAssemblyFullName, throwOnError: false);
        }
        catch (Exception e) when (e is ArgumentException or IOException or BadImageFormatException)
        {
            return null;
        }
    }

    private string? ReadField(string label, FieldDescription field)
    {
        while (true)
        {
            Write(label + ": ");
            var value = ReadAnswer(field.Name) ?? throw InputEnded(field.Name);
            if (value == "!?")
            {
                WriteLine(string.IsNullOrEmpty(field.HelpMessage) ? $"No help for {field.Name}." : field.HelpMessage);
                continue;
            }

            return value;
        }
    }

    private void WriteCaption(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption))
        {
            WriteLine(caption);
        }

        if (!string.IsNullOrEmpty(message))
        {
            WriteLine(message);
        }
    }

    /// <summary>Reads one answer; echoes it when stdin is not a terminal, so a log reads like a session.</summary>
    private string? ReadAnswer(string what)
    {
        EnsureInteractive(what);
        _output.ClearProgress();
        string? line;
        try
        {
            line = _input.ReadLine(_stopToken());
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }

        if (!_input.IsTerminal)
        {
            WriteLine(line ?? string.Empty);
        }

        return line;
    }

    private void EnsureInteractive(string what)
    {
        if (NonInteractive)
        {
            throw new PSInvalidOperationException(
                $"The host runs with -NonInteractive, so it cannot ask for {what}. Pass the value as a parameter, or use -Confirm:$false / -Force where a confirmation was asked.");
        }
    }

    private static PromptingException InputEnded(string what) => new(
        $"Standard input ended while asking for {(string.IsNullOrEmpty(what) ? "an answer" : what)}. Pipe the answer in, or pass it as a parameter (-Confirm:$false / -Force for a confirmation).");
}
