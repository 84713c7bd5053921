using System.Collections.ObjectModel;
using System.Formats.Tar;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// The real-engine harness shared by every engine test: a Docker.DotNet client for independent checks,
/// the locally built busybox test image, a run label on every resource, and a PowerShell runspace with
/// the built module (out/PSDocker) imported. Everything labelled with this run is removed at the end,
/// also when tests fail.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    /// <summary>The image every test container runs: busybox-static imported as a rootfs.</summary>
    public const string TestImage = "psdocker-test/busybox:latest";

    /// <summary>The label key that marks test resources; its value is the run id.</summary>
    public const string LabelKey = "psdocker.test";

    /// <summary>
    /// The engine under test as PSDocker names it: $DOCKER_HOST when set (./test.sh points it at a
    /// private engine when none answers at the default socket), else the default socket.
    /// </summary>
    public static string EngineHost =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    public EngineFixture()
    {
        RunId = Guid.NewGuid().ToString("N")[..10];
        Docker = new DockerClientBuilder()
            .WithEndpoint(new Uri(EngineHost))
            .Build();

        try
        {
            Docker.System.PingAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                "The engine tests need a running Docker engine (DOCKER_HOST or /var/run/docker.sock). " +
                "Run ./test.sh, which installs and starts one, or start dockerd yourself.", e);
        }

        EnsureTestImage();
        ModulePath = FindModule();
        var iss = InitialSessionState.CreateDefault2();
        iss.ImportPSModule(new[] { ModulePath });
        iss.Variables.Add(new SessionStateVariableEntry("TestImage", TestImage, "busybox test image"));
        iss.Variables.Add(new SessionStateVariableEntry("TestLabel", new System.Collections.Hashtable { [LabelKey] = RunId }, "label for test resources"));
        iss.Variables.Add(new SessionStateVariableEntry("TestLabelFilter", LabelKey + "=" + RunId, "label filter for test resources"));
        Runspace = RunspaceFactory.CreateRunspace(iss);
        Runspace.Open();
    }

    public string RunId { get; }

    public IDockerClient Docker { get; }

    public Runspace Runspace { get; }

    public string ModulePath { get; }

    /// <summary>The labels every test resource carries.</summary>
    public IDictionary<string, string> Labels => new Dictionary<string, string> { [LabelKey] = RunId };

    /// <summary>A unique, labelled-run-specific name for a test resource.</summary>
    public string UniqueName(string prefix) => $"psd-{prefix}-{RunId}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Runs a script in the shared runspace and returns its output and errors.</summary>
    public PipelineResult Run(string script, IDictionary<string, object?>? parameters = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        if (parameters is not null)
        {
            foreach (var p in parameters)
            {
                ps.AddParameter(p.Key, p.Value);
            }
        }

        Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            output = new Collection<PSObject>();
            terminating = e;
        }

        return new PipelineResult(output, ps.Streams.Error.ToList(), terminating, ps.Streams.Warning.Select(w => w.Message).ToList(), ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? "").ToList());
    }

    /// <summary>Creates (and optionally starts) a labelled container straight through Docker.DotNet.</summary>
    public string CreateContainer(string name, IList<string> command, bool start = true, IDictionary<string, string>? extraLabels = null)
    {
        var labels = Labels;
        foreach (var l in extraLabels ?? new Dictionary<string, string>())
        {
            labels[l.Key] = l.Value;
        }

        var created = Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = TestImage,
            Cmd = command,
            Labels = labels,
            HostConfig = new HostConfig(),
        }).GetAwaiter().GetResult();
        if (start)
        {
            Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters()).GetAwaiter().GetResult();
            if (ReferenceEquals(command, TestCommands.Responsive))
            {
                this.WaitForLog(created.ID, TestCommands.Ready);
            }
        }

        return created.ID;
    }

    /// <summary>Inspects a container independently of PSDocker; null when it does not exist.</summary>
    public ContainerInspectResponse? Inspect(string nameOrId)
    {
        try
        {
            return Docker.Containers.InspectContainerAsync(nameOrId).GetAwaiter().GetResult();
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>All containers of this test run.</summary>
    public IList<ContainerListResponse> RunContainers() => Docker.Containers.ListContainersAsync(new ContainersListParameters
    {
        All = true,
        Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [LabelKey + "=" + RunId] = true } },
    }).GetAwaiter().GetResult();

    /// <summary>Removes every container of this test run.</summary>
    public void RemoveRunContainers()
    {
        foreach (var c in RunContainers())
        {
            try
            {
                Docker.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }).GetAwaiter().GetResult();
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone (AutoRemove).
            }
            catch (DockerApiException)
            {
                // Removal already in progress.
            }
        }
    }

    public void Dispose()
    {
        RemoveRunContainers();

        // Then what each noun's tests created (networks, volumes, images, …): every IRunCleanup in this
        // assembly removes its kind by the run label, in Order.
        var cleanups = typeof(EngineFixture).Assembly.GetTypes()
            .Where(t => typeof(IRunCleanup).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .Select(t => (IRunCleanup)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Order);
        foreach (var cleanup in cleanups)
        {
            try
            {
                cleanup.Remove(this);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"Cleanup {cleanup.GetType().Name} failed: {e.Message}");
            }
        }

        Runspace.Dispose();
        Docker.Dispose();
    }

    private void EnsureTestImage()
    {
        try
        {
            Docker.Images.InspectImageAsync(TestImage).GetAwaiter().GetResult();
            return;
        }
        catch (DockerImageNotFoundException)
        {
        }

        const string busybox = "/bin/busybox";
        if (!File.Exists(busybox))
        {
            throw new InvalidOperationException("The test image is built from busybox-static: apt-get install -y busybox-static (./test.sh does this).");
        }

        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b111_111_111 });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "etc/") { Mode = (UnixFileMode)0b111_101_101 });
            writer.WriteEntryAsync(busybox, "bin/busybox").GetAwaiter().GetResult();
            foreach (var applet in Applets())
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox", Mode = (UnixFileMode)0b111_111_111 });
            }
        }

        tar.Position = 0;
        var repo = TestImage.Split(':')[0];
        Docker.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = repo, Tag = "latest", Changes = new List<string> { "ENV PATH=/bin", "CMD [\"/bin/sh\"]" } },
            tar,
            null,
            new Progress<JSONMessage>()).GetAwaiter().GetResult();
    }

    private static IEnumerable<string> Applets()
    {
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/busybox", "--list") { RedirectStandardOutput = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var list = p.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        p.WaitForExit();
        return list.Where(a => a != "busybox" && !a.Contains('/')).Distinct();
    }

    /// <summary>
    /// The built module's manifest. The runspace imports it; its PSDocker.dll must be the very build the
    /// tests reference (PowerShell reuses the already loaded assembly), so a stale folder fails fast.
    /// </summary>
    private static string FindModule()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var manifest = Path.Combine(dir.FullName, "out", "PSDocker", "PSDocker.psd1");
            if (!File.Exists(manifest))
            {
                continue;
            }

            foreach (var (tested, inModule) in new[]
            {
                (typeof(PSDocker.Commands.DockerCmdlet).Assembly, "PSDocker.dll"),
                (typeof(Container).Assembly, "PSDocker.Model.dll"),
                (typeof(PSDocker.EngineAccess.EngineConnection).Assembly, Path.Combine("Dependencies", "PSDocker.Engine.dll")),
            })
            {
                var moduleDll = Path.Combine(dir.FullName, "out", "PSDocker", inModule);
                if (!File.Exists(moduleDll) || !File.ReadAllBytes(moduleDll).AsSpan().SequenceEqual(File.ReadAllBytes(tested.Location)))
                {
                    throw new InvalidOperationException($"{moduleDll} is not the build the tests reference ({tested.Location}): build once more (dotnet build -c Release).");
                }
            }

            return manifest;
        }

        throw new InvalidOperationException("out/PSDocker/PSDocker.psd1 not found: build src/PSDocker first (./build.sh).");
    }
}

/// <summary>
/// Removes one kind of resource that tests of this run created (by the run label, <see cref="EngineFixture.LabelKey"/>
/// = <see cref="EngineFixture.RunId"/>), after the run's containers are gone. Each noun's tests add one.
/// </summary>
public interface IRunCleanup
{
    /// <summary>Lower runs first (networks and volumes before images, say).</summary>
    int Order { get; }

    /// <summary>Removes this run's resources of the kind.</summary>
    void Remove(EngineFixture fixture);
}

/// <summary>What a pipeline produced.</summary>
public sealed record PipelineResult(
    Collection<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    RuntimeException? Terminating,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Information)
{
    /// <summary>The output's base objects of one type.</summary>
    public IReadOnlyList<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    /// <summary>Fails with every error when the pipeline reported any.</summary>
    public PipelineResult AssertNoErrors()
    {
        if (Terminating is not null)
        {
            throw new Xunit.Sdk.XunitException("Terminating error: " + Terminating.ErrorRecord);
        }

        if (Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Errors: " + string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        }

        return this;
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Engine";
}
