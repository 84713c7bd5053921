namespace PSDocker.Tests.Infrastructure;

/// <summary>Container commands (busybox sh) with a known reaction to stop signals.</summary>
public static class TestCommands
{
    /// <summary>
    /// Runs until SIGTERM, then exits 0 at once. It says <see cref="Ready"/> once the trap is set: a
    /// SIGTERM before that would be ignored (the shell is PID 1), so the fixture waits for it.
    /// </summary>
    public static readonly string[] Responsive = { "sh", "-c", "trap 'exit 0' TERM; echo " + Ready + "; sleep 600 & wait" };

    /// <summary>What <see cref="Responsive"/> logs once it handles SIGTERM.</summary>
    public const string Ready = "psdocker-test-ready";

    /// <summary>Ignores SIGTERM: only SIGKILL (or a stop timeout) ends it.</summary>
    public static readonly string[] Stubborn = { "sh", "-c", "trap '' TERM; sleep 600" };

    /// <summary>Exits with <paramref name="code"/> after <paramref name="seconds"/>.</summary>
    public static string[] ExitsWith(int code, double seconds = 0) =>
        new[] { "sh", "-c", FormattableString.Invariant($"sleep {seconds}; exit {code}") };
}
