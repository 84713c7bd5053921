using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Docker.DotNet.Models;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// A pipeline started with BeginInvoke on the fixture's runspace, for streaming and Ctrl+C tests: watch
/// its output arrive while it runs, then Stop() it as Ctrl+C would and time how long that took.
/// </summary>
public sealed class StreamingPipeline : IDisposable
{
    private readonly PowerShell _ps;
    private readonly IAsyncResult _handle;

    public StreamingPipeline(Runspace runspace, string script)
    {
        _ps = PowerShell.Create();
        _ps.Runspace = runspace;
        _ps.AddScript(script);
        Output = new PSDataCollection<PSObject>();
        _handle = _ps.BeginInvoke<PSObject, PSObject>(null, Output);
    }

    /// <summary>What the pipeline has written so far.</summary>
    public PSDataCollection<PSObject> Output { get; }

    /// <summary>The error stream so far.</summary>
    public IReadOnlyList<ErrorRecord> Errors => _ps.Streams.Error.ToList();

    /// <summary>Whether the pipeline has finished on its own.</summary>
    public bool IsCompleted => _handle.IsCompleted;

    /// <summary>Output items so far as strings.</summary>
    public IReadOnlyList<string> Lines => Output.ToList().Select(o => o.BaseObject.ToString() ?? string.Empty).ToList();

    /// <summary>Waits until the condition holds on the output (or the pipeline ends); false on timeout.</summary>
    public bool WaitFor(Func<IReadOnlyList<PSObject>, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition(Output.ToList()))
            {
                return true;
            }

            if (_handle.IsCompleted)
            {
                return condition(Output.ToList());
            }

            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>Waits for the pipeline to end on its own; false on timeout.</summary>
    public bool WaitForCompletion(TimeSpan timeout) => _handle.AsyncWaitHandle.WaitOne(timeout);

    /// <summary>Stops the pipeline as Ctrl+C does and returns how long it took to end.</summary>
    public TimeSpan Stop()
    {
        var clock = Stopwatch.StartNew();
        _ps.Stop();
        _handle.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        return clock.Elapsed;
    }

    public void Dispose()
    {
        if (!_handle.IsCompleted)
        {
            _ps.Stop();
        }

        _ps.Dispose();
        Output.Dispose();
    }
}

/// <summary>Engine-side checks the streaming tests share.</summary>
public static class EngineChecks
{
    /// <summary>Containers carrying a label <c>psd.case=&lt;id&gt;</c> (one test's own containers).</summary>
    public static IList<ContainerListResponse> ContainersOfCase(this EngineFixture f, string caseId) =>
        f.Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { ["psd.case=" + caseId] = true } },
        }).GetAwaiter().GetResult();

    /// <summary>A PowerShell hashtable literal with the run label and a per-test case label.</summary>
    public static string CaseLabel(this EngineFixture f, string caseId) =>
        $"@{{ '{EngineFixture.LabelKey}' = '{f.RunId}'; 'psd.case' = '{caseId}' }}";

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits until the container is no longer running.</summary>
    public static long WaitExit(this EngineFixture f, string nameOrId) =>
        f.Docker.Containers.WaitContainerAsync(nameOrId).GetAwaiter().GetResult().StatusCode;
}
