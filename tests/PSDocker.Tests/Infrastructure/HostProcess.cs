using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// The built console host (out/PSDocker.Host) run as a real process, with redirected streams:
/// what a script or a user on a machine without pwsh gets.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the host wrote to stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Everything the host wrote to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The host's exit code (after <see cref="WaitForExit"/>).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the host with these arguments; <paramref name="environment"/> adds to (or, with null values, removes from) its environment.</summary>
    public static HostProcess Start(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");

        // Through env --default-signal=INT: a process started in the background by a shell (as
        // test.sh runs dotnet test, or as a CI runner may start the run) inherits SIGINT ignored,
        // and a .NET program then leaves it ignored: Ctrl+C would never reach the host.
        var psi = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add("--default-signal=INT");
        psi.ArgumentList.Add(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet);
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(HostAssembly);
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        // Wide enough that no column of a table view is cut.
        psi.Environment["COLUMNS"] = "250";
        psi.Environment.Remove("NO_COLOR");
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            if (pair.Value is null)
            {
                psi.Environment.Remove(pair.Key);
            }
            else
            {
                psi.Environment[pair.Key] = pair.Value;
            }
        }

        return new HostProcess(Process.Start(psi) ?? throw new InvalidOperationException("The host did not start."));
    }

    /// <summary>Runs the host to its end with <paramref name="stdin"/> as its whole input.</summary>
    public static HostProcess Run(IEnumerable<string> arguments, string stdin = "", IDictionary<string, string?>? environment = null)
    {
        var host = Start(arguments, environment);
        host.WriteInput(stdin);
        host.CloseInput();
        host.WaitForExit(TimeSpan.FromMinutes(2));
        return host;
    }

    /// <summary>The built host: out/PSDocker.Host/PSDocker.Host.dll of this checkout.</summary>
    public static string HostAssembly
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "out", "PSDocker.Host", "PSDocker.Host.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("out/PSDocker.Host/PSDocker.Host.dll not found: build tools/PSDocker.Host (./build.sh).");
        }
    }

    /// <summary>Types text into the host's stdin.</summary>
    public void WriteInput(string text)
    {
        _process.StandardInput.Write(text);
        _process.StandardInput.Flush();
    }

    /// <summary>Ends the host's stdin.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout contains <paramref name="text"/>; false on timeout or exit.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Stdout.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                // Let the last output arrive.
                _process.WaitForExit();
                return Stdout.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        if (kill(_process.Id, 2) != 0)
        {
            throw new InvalidOperationException($"kill -INT {_process.Id} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the host to end; kills it and fails after <paramref name="timeout"/>.</summary>
    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"The host did not end within {timeout}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        // The parameterless wait also drains the asynchronous output readers.
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>What a failed assertion should show.</summary>
    public override string ToString() => $"exit {(_process.HasExited ? _process.ExitCode.ToString() : "(running)")}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.Append(line).Append('\n');
        }
    }
}
