using System.Collections.Concurrent;
using System.Diagnostics;
using System.Management.Automation;
using System.Text;
using Docker.DotNet.Models;
using PSDocker.EngineAccess;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Enter-Container and Connect-Container. The test host has no console, so the terminal session is
/// driven through <see cref="ScriptedTerminal"/> against real execs and attaches; the cmdlets are
/// checked for what a host without a console gets.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class InteractiveTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly EngineFixture _f;

    public InteractiveTests(EngineFixture fixture) => _f = fixture;

    private static EngineConnection Engine => EngineConnection.For(EndpointResolver.ForCurrentProcess().FromHost(EngineFixture.EngineHost));

    private int LastExitCode() => (int)_f.Run("$global:LASTEXITCODE").Output.Single().BaseObject;

    private string Running(string prefix, params string[] command)
    {
        var name = _f.UniqueName(prefix);
        _f.CreateContainer(name, command.Length > 0 ? command : new[] { "sleep", "300" });
        return name;
    }

    /// <summary>Creates a shell exec with a TTY and starts its terminal, as Enter-Container does.</summary>
    private static (string ExecId, ContainerTerminal Connection) StartShell(string container)
    {
        var containers = Engine.Containers;
        var execId = containers.CreateExecAsync(container, new ExecOptions { Command = new[] { "sh" }, Tty = true, AttachStdin = true, DetachKeys = DetachKeys.Default }, CancellationToken.None).GetAwaiter().GetResult();
        return (execId, containers.StartExecTerminalAsync(execId, container, CancellationToken.None).GetAwaiter().GetResult());
    }

    private ContainerExecInspectResponse InspectExec(string execId) => _f.Docker.Exec.InspectContainerExecAsync(execId).GetAwaiter().GetResult();

    [Fact]
    public async Task Session_ShellExit_ShowsItsOutput_AndTheExitCodeIsKept()
    {
        var name = Running("enter");
        var (execId, connection) = StartShell(name);
        var terminal = new ScriptedTerminal(80, 24);
        terminal.Type("echo hi; exit 3\n");

        // WaitAsync fails the test with a TimeoutException if the session does not end when the shell exits.
        var detached = await new TerminalSession(connection, terminal, DetachKeys.Parse(DetachKeys.Default)).RunAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.False(detached);
        Assert.Contains("\r\nhi\r\n", terminal.Output);
        var exec = InspectExec(execId);
        Assert.False(exec.Running);
        Assert.Equal(3, exec.ExitCode);
        Assert.Equal(3, (await Engine.Containers.ExecExitAsync(execId, CancellationToken.None)).ExitCode);
    }

    [Fact]
    public async Task Session_DetachKeys_EndTheSession_AndTheShellKeepsRunning()
    {
        var name = Running("detach");
        var (execId, connection) = StartShell(name);
        var terminal = new ScriptedTerminal(80, 24);
        var session = new TerminalSession(connection, terminal, DetachKeys.Parse("ctrl-x,x")).RunAsync(CancellationToken.None);
        terminal.Type("echo before\n");
        Assert.True(terminal.WaitForOutput("\r\nbefore\r\n", Patience));

        terminal.Type("echo be\u0018x");
        var clock = Stopwatch.StartNew();
        var detached = await session.WaitAsync(Patience);

        Assert.True(detached);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"detaching took {clock.Elapsed}");
        Thread.Sleep(500);
        Assert.True(InspectExec(execId).Running, "the shell stopped when the session detached");
        var processes = await _f.Docker.Containers.ListProcessesAsync(name, new ContainerListProcessesParameters());
        Assert.Contains(processes.Processes, p => p.Last() == "sh");
    }

    [Fact]
    public async Task Session_TerminalSize_IsPassedAtTheStart_AndFollowsTheWindow()
    {
        var name = Running("resize");
        var (_, connection) = StartShell(name);
        var terminal = new ScriptedTerminal(100, 40);
        var session = new TerminalSession(connection, terminal, DetachKeys.Parse(DetachKeys.Default)) { SizePollInterval = TimeSpan.FromMilliseconds(100) }.RunAsync(CancellationToken.None);

        // The first size is sent as the shell starts: on a busy engine, a moment later.
        Assert.True(terminal.WaitForOutput("# ", Patience), "no prompt: " + terminal.Output);
        Assert.True(terminal.AskUntil("stty size\n", "\r\n40 100\r\n"), "stty did not see the starting size: " + terminal.Output);

        terminal.Size = (132, 50);
        Assert.True(terminal.AskUntil("stty size\n", "\r\n50 132\r\n"), "stty did not see the new size: " + terminal.Output);

        terminal.Type("exit\n");
        Assert.False(await session.WaitAsync(Patience));
    }

    [Fact]
    public async Task Session_Cancellation_EndsWithinASecond_AndNothingReadsTheTerminalAfterwards()
    {
        var name = Running("cancel");
        var (execId, connection) = StartShell(name);
        var terminal = new ScriptedTerminal(80, 24);
        using var cancellation = new CancellationTokenSource();
        var session = new TerminalSession(connection, terminal, DetachKeys.Parse(DetachKeys.Default)).RunAsync(cancellation.Token);
        terminal.Type("echo running\n");
        Assert.True(terminal.WaitForOutput("\r\nrunning\r\n", Patience));

        var clock = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Ctrl+C took {clock.Elapsed}");
        Assert.Equal(0, terminal.Reading);
        Assert.True(InspectExec(execId).Running);
    }

    [Fact]
    public void EnterContainer_WithoutAConsole_IsConsoleRequired_AtOnce_AndCreatesNoExec()
    {
        var name = Running("noconsole");
        var clock = Stopwatch.StartNew();
        var result = _f.Run($"Enter-Container {name}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the error took {clock.Elapsed}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ConsoleRequired,PSDocker.Commands.EnterContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Invoke-ContainerExec", error.Exception.Message);
        Assert.Empty(_f.Inspect(name)!.ExecIDs ?? new List<string>());
    }

    [Fact]
    public void EnterContainer_BadDetachKeys_IsInvalidDetachKeys()
    {
        var error = Assert.Single(_f.Run("Enter-Container web -DetachKeys ctrl-P").Errors);
        Assert.Equal("InvalidDetachKeys,PSDocker.Commands.EnterContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("ctrl-P", error.TargetObject);
    }

    [Fact]
    public void ConnectContainer_WithoutAConsole_StreamsLinesToThePipeline_UntilTheContainerStops()
    {
        var name = Running("attach", "sh", "-c", "sleep 2; echo one; sleep 0.3; echo two >&2; sleep 0.3; echo three; exit 5");
        var result = _f.Run($"Connect-Container {name} -PassThru");

        result.AssertNoErrors();
        var entries = result.Objects<ContainerLogEntry>();
        Assert.Equal(new[] { "one", "two", "three" }, entries.Select(e => e.Message));
        Assert.Equal(new[] { OutputStream.StdOut, OutputStream.StdErr, OutputStream.StdOut }, entries.Select(e => e.Stream));
        Assert.All(entries, e => Assert.Equal(name, e.ContainerName));
        var end = Assert.Single(result.Objects<ContainerSessionResult>());
        Assert.Equal(5, end.ExitCode);
        Assert.False(end.Detached);
        Assert.Equal(_f.Inspect(name)!.ID, end.ContainerId);
        Assert.Equal(5, LastExitCode());
    }

    [Fact]
    public void ConnectContainer_CtrlC_EndsWithinASecond_AndTheContainerKeepsRunning()
    {
        var name = Running("attachstop", "sh", "-c", "while true; do echo tick; sleep 0.2; done");
        using var pipeline = new StreamingPipeline(_f.Runspace, $"Get-Container {name} | Connect-Container");
        Assert.True(pipeline.WaitFor(o => o.Count >= 2, Patience), "no output arrived");
        Assert.All(pipeline.Output.ToList(), o => Assert.Equal("tick", Assert.IsType<ContainerLogEntry>(o.BaseObject).Message));
        Assert.False(pipeline.IsCompleted);

        var took = pipeline.Stop();
        Assert.True(took < TimeSpan.FromSeconds(1), $"Ctrl+C took {took}");
        Thread.Sleep(500);
        Assert.True(_f.Inspect(name)!.State!.Running, "the container stopped with Ctrl+C");
    }

    [Fact]
    public async Task ConnectContainer_UnknownStoppedAndPaused_AreErrorsNamingTheContainer()
    {
        var stopped = _f.UniqueName("stopped");
        _f.CreateContainer(stopped, new[] { "true" }, start: false);
        var paused = Running("paused");
        await _f.Docker.Containers.PauseContainerAsync(paused);

        var result = _f.Run($"'nosuch-{_f.RunId}' | Connect-Container; Connect-Container {stopped}; Connect-Container {paused}");

        Assert.Equal(
            new[] { "ContainerNotFound", "ContainerNotRunning", "ContainerPaused" },
            result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(new object[] { $"nosuch-{_f.RunId}", stopped, paused }, result.Errors.Select(e => e.TargetObject));
        Assert.Contains("Start-Container", result.Errors[1].Exception.Message);
        Assert.Contains("Resume-Container", result.Errors[2].Exception.Message);
        Assert.Empty(result.Output);
        await _f.Docker.Containers.UnpauseContainerAsync(paused);
    }

    [Fact]
    public void ConnectContainer_TwoContainers_IsSingleContainerExpected()
    {
        var a = Running("one");
        var b = Running("two");
        var result = _f.Run($"Connect-Container {a}, {b} -DetachKeys ctrl-a");
        var error = Assert.Single(result.Errors);
        Assert.Equal("SingleContainerExpected,PSDocker.Commands.ConnectContainerCommand", error.FullyQualifiedErrorId);
        Assert.Contains(a, error.Exception.Message);
        Assert.Contains(b, error.Exception.Message);
    }

    /// <summary>A terminal whose keys the test types and whose screen it reads.</summary>
    private sealed class ScriptedTerminal : ITerminal
    {
        private readonly BlockingCollection<byte[]> _keys = new BlockingCollection<byte[]>();
        private readonly MemoryStream _screen = new MemoryStream();
        private int _reading;

        public ScriptedTerminal(int width, int height) => Size = (width, height);

        public (int Width, int Height) Size { get; set; }

        /// <summary>How many reads of the keyboard are in progress.</summary>
        public int Reading => Volatile.Read(ref _reading);

        public string Output
        {
            get
            {
                lock (_screen)
                {
                    return Encoding.UTF8.GetString(_screen.ToArray());
                }
            }
        }

        public void Type(string keys) => _keys.Add(Encoding.UTF8.GetBytes(keys));

        public bool WaitForOutput(string text, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }

                Thread.Sleep(20);
            }

            return false;
        }

        /// <summary>Types a command every second until the screen shows <paramref name="text"/> (up to ten times).</summary>
        public bool AskUntil(string command, string text)
        {
            for (var attempt = 0; attempt < 10; attempt++)
            {
                Type(command);
                if (WaitForOutput(text, TimeSpan.FromSeconds(1)))
                {
                    return true;
                }
            }

            return false;
        }

        public Task<int> ReadInputAsync(byte[] buffer, CancellationToken cancellation) => Task.Run(
            () =>
            {
                Interlocked.Increment(ref _reading);
                try
                {
                    var keys = _keys.Take(cancellation);
                    keys.CopyTo(buffer, 0);
                    return keys.Length;
                }
                finally
                {
                    Interlocked.Decrement(ref _reading);
                }
            },
            CancellationToken.None);

        public void WriteOutput(byte[] buffer, int offset, int count)
        {
            lock (_screen)
            {
                _screen.Write(buffer, offset, count);
            }
        }
    }
}
