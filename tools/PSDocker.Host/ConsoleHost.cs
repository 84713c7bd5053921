using System.Globalization;
using System.Management.Automation.Host;
using System.Reflection;

namespace PSDocker.Host;

/// <summary>
/// The PSHost behind the runspace: its name and version ($Host), its console UI, and `exit N`
/// (SetShouldExit), which the session reads after each pipeline. Nested prompts (the [S] Suspend
/// answer) are run by the session, which owns the runspace.
/// </summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly ConsoleUserInterface _ui;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public ConsoleHost(ConsoleUserInterface ui) => _ui = ui;

    /// <summary>Runs a nested prompt until `exit`; set by the session once the runspace is open.</summary>
    public Action? NestedPrompt { get; set; }

    /// <summary>Ends the nested prompt that runs (`exit` there); set by the session.</summary>
    public Action? LeaveNestedPrompt { get; set; }

    /// <summary>Set when a script ran `exit N` at its top level.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>How deep the nested prompts go (0 at the top).</summary>
    public int NestingLevel { get; private set; }

    /// <inheritdoc />
    public override string Name => "PSDocker.Host";

    /// <inheritdoc />
    public override Version Version { get; } = typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);

    /// <inheritdoc />
    public override Guid InstanceId { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public override PSHostUserInterface UI => _ui;

    /// <summary>The console UI with the host-only operations (ending progress).</summary>
    public ConsoleUserInterface ConsoleUI => _ui;

    /// <inheritdoc />
    public override CultureInfo CurrentCulture => _culture;

    /// <inheritdoc />
    public override CultureInfo CurrentUICulture => _uiCulture;

    /// <summary>The host's version, e.g. 0.1.0.</summary>
    public static string DisplayVersion =>
        (typeof(ConsoleHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0").Split('+')[0];

    /// <inheritdoc />
    public override void SetShouldExit(int exitCode)
    {
        if (NestingLevel > 0)
        {
            // `exit` in a nested prompt leaves that prompt only.
            return;
        }

        ExitCode = exitCode;
    }

    /// <inheritdoc />
    public override void EnterNestedPrompt()
    {
        var nested = NestedPrompt ?? throw new NotSupportedException("This host cannot enter a nested prompt here.");
        NestingLevel++;
        try
        {
            nested();
        }
        finally
        {
            NestingLevel--;
        }
    }

    /// <inheritdoc />
    public override void ExitNestedPrompt() => LeaveNestedPrompt?.Invoke();

    /// <inheritdoc />
    public override void NotifyBeginApplication()
    {
    }

    /// <inheritdoc />
    public override void NotifyEndApplication()
    {
    }
}
