namespace PSDocker.Host;

/// <summary>What the host was asked to do, parsed from its arguments.</summary>
internal sealed record HostOptions
{
    /// <summary>The script text of -Command, or null.</summary>
    public string? Command { get; init; }

    /// <summary>The script path of -File, or null.</summary>
    public string? File { get; init; }

    /// <summary>The arguments after -File's path, passed to the script.</summary>
    public IReadOnlyList<string> FileArguments { get; init; } = Array.Empty<string>();

    /// <summary>Stay at the interactive prompt after -Command or -File.</summary>
    public bool NoExit { get; init; }

    /// <summary>Never prompt: a prompt fails at once instead of reading stdin.</summary>
    public bool NonInteractive { get; init; }

    /// <summary>The module to import instead of the out/PSDocker found beside the host.</summary>
    public string? Module { get; init; }

    /// <summary>Print the usage and exit.</summary>
    public bool Help { get; init; }

    /// <summary>Print the version and exit.</summary>
    public bool Version { get; init; }

    /// <summary>Whether the interactive prompt runs (no script given, or -NoExit).</summary>
    public bool Interactive => NoExit || (Command is null && File is null);
}

/// <summary>A command line the host cannot act on; the message says what is wrong.</summary>
internal sealed class CommandLineException : Exception
{
    public CommandLineException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Parses the host's arguments the way pwsh does: case-insensitive names that may be shortened
/// (-c, -f, -noe…), everything after -Command's first argument joined into the script, everything
/// after -File's path passed to the script, and a first bare argument taken as -File.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: PSDocker.Host [-Module PATH] [-NoExit] [-NonInteractive]
                             [-Command SCRIPT... | -File PATH [ARGS...]]

        Runs PowerShell with the PSDocker module imported (out/PSDocker beside this host, or -Module PATH).

          -Command, -c SCRIPT   Run SCRIPT (the remaining arguments, joined by spaces) and exit:
                                0, 1 when the last statement failed ($LASTEXITCODE when it set one),
                                or N after `exit N`.
          -File, -f PATH ARGS   Run the script at PATH with ARGS and exit (0, 1 on a terminating error, or
                                `exit N`). -Name value and -Name:value bind named parameters.
          -NoExit               Stay at the interactive prompt afterwards.
          -NonInteractive       Fail instead of prompting (-Confirm, mandatory parameters, Read-Host).
          -Module, -m PATH      Import this module (a .psd1 or its folder) instead of out/PSDocker.
          -NoProfile, -NoLogo   Accepted for pwsh compatibility (there is no profile; there is no logo).
          -Version, -v          Print the host's and PowerShell's versions.
          -Help, -h, -?         Print this text.

        Without -Command or -File: an interactive prompt (Ctrl+C stops the running pipeline; `exit` or
        Ctrl+D leaves). Output goes through Out-Default, so PSDocker's table views render as in pwsh.
        NO_COLOR=1 turns colour off; colour is off anyway where a stream is redirected.
        """;

    private static readonly string[] Switches = { "command", "file", "noexit", "noninteractive", "module", "noprofile", "nologo", "help", "version" };

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CommandLineException"/> on a bad line.</summary>
    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsSwitch(arg))
            {
                // pwsh treats a first bare argument as the script file.
                return options with { File = arg, FileArguments = args.Skip(i + 1).ToArray() };
            }

            switch (Resolve(arg))
            {
                case "command":
                    var rest = args.Skip(i + 1).ToArray();
                    if (rest.Length == 0)
                    {
                        throw new CommandLineException("-Command needs a script.");
                    }

                    return options with { Command = string.Join(' ', rest) };
                case "file":
                    if (i + 1 >= args.Count)
                    {
                        throw new CommandLineException("-File needs the path of a script.");
                    }

                    return options with { File = args[i + 1], FileArguments = args.Skip(i + 2).ToArray() };
                case "module":
                    if (i + 1 >= args.Count)
                    {
                        throw new CommandLineException("-Module needs the path of a module (.psd1 or its folder).");
                    }

                    options = options with { Module = args[++i] };
                    break;
                case "noexit":
                    options = options with { NoExit = true };
                    break;
                case "noninteractive":
                    options = options with { NonInteractive = true };
                    break;
                case "help":
                    options = options with { Help = true };
                    break;
                case "version":
                    options = options with { Version = true };
                    break;
                default:
                    // -NoProfile, -NoLogo: nothing to do.
                    break;
            }
        }

        return options;
    }

    private static bool IsSwitch(string arg) => arg.Length > 1 && arg[0] == '-' && arg != "--";

    private static string Resolve(string arg)
    {
        var name = arg.TrimStart('-', '/').ToLowerInvariant();
        switch (name)
        {
            case "?":
            case "h":
                return "help";
            case "c":
                return "command";
            case "f":
                return "file";
            case "m":
                return "module";
            case "v":
                return "version";
        }

        var matches = Switches.Where(s => s.StartsWith(name, StringComparison.Ordinal)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Contains(name))
        {
            return name;
        }

        throw new CommandLineException(matches.Count == 0
            ? $"Unknown option '{arg}'. Run with -Help for the options."
            : $"'{arg}' is ambiguous: it could be -{string.Join(", -", matches)}.");
    }
}
