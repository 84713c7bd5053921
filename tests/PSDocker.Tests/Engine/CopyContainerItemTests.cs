using System.Management.Automation;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Copy-ContainerItem (docker cp) against the real engine, both directions: files and folders, modes and
/// times, docker cp's folder semantics, overwrites, and the errors. Host files live in a temporary
/// folder per test; container files are checked through Docker.DotNet.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class CopyContainerItemTests : IDisposable
{
    // Files with known modes and times, made before the container's command sleeps.
    private static readonly string[] Prepared =
    {
        "sh", "-c",
        "mkdir -p /data/sub && echo hello > /data/a.txt && echo deep > /data/sub/b.txt && chmod 640 /data/a.txt && chmod 750 /data/sub"
        + " && touch -d '2020-01-02 03:04:05' /data/a.txt && ln -s a.txt /data/link && touch /ready && exec sleep 600",
    };

    private readonly EngineFixture _f;
    private readonly string _host;

    public CopyContainerItemTests(EngineFixture fixture)
    {
        _f = fixture;
        _host = Path.Combine(Path.GetTempPath(), "psd-cp-" + fixture.RunId + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(_host);
    }

    public void Dispose() => Directory.Delete(_host, true);

    [Fact]
    public void CopyOut_AFile_KeepsItsContentModeAndTime()
    {
        var name = StartPrepared("cpfile");
        var destination = Path.Combine(_host, "copy.txt");

        _f.Run($"Copy-ContainerItem -Container {name} -Path /data/a.txt -Destination '{destination}'").AssertNoErrors();

        Assert.Equal("hello\n", File.ReadAllText(destination));
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(destination));
        Assert.Equal(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc), File.GetLastWriteTimeUtc(destination));
        Assert.Equal(new[] { "copy.txt" }, Directory.GetFileSystemEntries(_host).Select(Path.GetFileName));
    }

    [Fact]
    public void CopyOut_AFolder_ToANewName_BecomesThatFolder_WithLinksAndModes()
    {
        var name = StartPrepared("cpdir");
        var destination = Path.Combine(_host, "copy");

        _f.Run($"Copy-ContainerItem {name} /data '{destination}'").AssertNoErrors();

        Assert.Equal("deep\n", File.ReadAllText(Path.Combine(destination, "sub", "b.txt")));
        Assert.Equal("a.txt", new FileInfo(Path.Combine(destination, "link")).LinkTarget);
        Assert.Equal((UnixFileMode)0b111_101_000, File.GetUnixFileMode(Path.Combine(destination, "sub")));
    }

    [Fact]
    public void CopyOut_AFolder_IntoAnExistingFolder_GoesInside_AndSlashDotCopiesItsContents()
    {
        var name = StartPrepared("cpinto");

        _f.Run($"Copy-ContainerItem {name} /data '{_host}'").AssertNoErrors();
        _f.Run($"Copy-ContainerItem {name} /data/. '{_host}'").AssertNoErrors();

        Assert.True(File.Exists(Path.Combine(_host, "data", "a.txt")));
        Assert.True(File.Exists(Path.Combine(_host, "a.txt")));
        Assert.True(File.Exists(Path.Combine(_host, "sub", "b.txt")));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_host), e => Path.GetFileName(e).StartsWith(".psdocker", StringComparison.Ordinal));
    }

    [Fact]
    public void CopyOut_OverAnExistingFile_OverwritesIt_LikeDockerCp()
    {
        var name = StartPrepared("cpover");
        var destination = Path.Combine(_host, "a.txt");
        File.WriteAllText(destination, "old content that is longer");

        _f.Run($"Copy-ContainerItem {name} /data/a.txt '{destination}'").AssertNoErrors();

        Assert.Equal("hello\n", File.ReadAllText(destination));
    }

    [Fact]
    public void CopyOut_RelativeDestination_IsRelativeToTheCurrentLocation()
    {
        var name = StartPrepared("cprel");

        _f.Run($"$here = $ExecutionContext.SessionState.Path.CurrentFileSystemLocation; $null = $ExecutionContext.SessionState.Path.SetLocation('{_host}'); try {{ Copy-ContainerItem {name} /data/a.txt ./rel.txt }} finally {{ $null = $ExecutionContext.SessionState.Path.SetLocation($here.Path) }}").AssertNoErrors();

        Assert.True(File.Exists(Path.Combine(_host, "rel.txt")));
    }

    [Fact]
    public void CopyOut_AMissingPath_WritesContainerPathNotFound_AndWritesNothing()
    {
        var name = StartPrepared("cpmissing");

        var error = SingleError(_f.Run($"Copy-ContainerItem {name} /no/such/file '{Path.Combine(_host, "x")}'"), "ContainerPathNotFound", "CopyContainerItemCommand", ErrorCategory.ObjectNotFound, "/no/such/file");

        Assert.Contains(name, error.Exception.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_host));
    }

    [Fact]
    public void CopyOut_AFolderOntoAFile_IsRefused_AndTheFileKept()
    {
        var name = StartPrepared("cpdirfile");
        var destination = Path.Combine(_host, "file");
        File.WriteAllText(destination, "keep");

        SingleError(_f.Run($"Copy-ContainerItem {name} /data '{destination}'"), "CannotCopyFolderOntoFile", "CopyContainerItemCommand", ErrorCategory.InvalidOperation, "/data");

        Assert.Equal("keep", File.ReadAllText(destination));
    }

    [Fact]
    public void CopyOut_UnknownContainer_WritesContainerNotFound()
    {
        var name = _f.UniqueName("cpnone");

        SingleError(_f.Run($"Copy-ContainerItem {name} /etc/passwd '{_host}'"), "ContainerNotFound", "CopyContainerItemCommand", ErrorCategory.ObjectNotFound, name);
    }

    [Fact]
    public void CopyIn_AFolder_ToANewName_AndIntoAnExistingFolder_KeepingModesAndTimes()
    {
        var name = StartPrepared("cpin");
        var source = Path.Combine(_host, "site");
        Directory.CreateDirectory(Path.Combine(source, "css"));
        File.WriteAllText(Path.Combine(source, "index.html"), "<h1>hi</h1>");
        File.WriteAllText(Path.Combine(source, "css", "a.css"), "body{}");
        File.SetUnixFileMode(Path.Combine(source, "index.html"), (UnixFileMode)0b110_000_000);
        File.SetLastWriteTimeUtc(Path.Combine(source, "index.html"), new DateTime(2021, 5, 6, 7, 8, 9, DateTimeKind.Utc));

        _f.Run($"Copy-ContainerItem {name} '{source}' /data/www -ToContainer").AssertNoErrors();
        _f.Run($"Copy-ContainerItem {name} '{source}' /tmp -ToContainer").AssertNoErrors();
        _f.Run($"Copy-ContainerItem {name} '{source}/.' /data -ToContainer").AssertNoErrors();

        var index = Stat(name, "/data/www/index.html")!;
        Assert.Equal(0b110_000_000u, index.Mode & 0xFFF);
        Assert.Equal(new DateTime(2021, 5, 6, 7, 8, 9, DateTimeKind.Utc), index.Mtime.ToUniversalTime());
        Assert.NotNull(Stat(name, "/data/www/css/a.css"));
        Assert.NotNull(Stat(name, "/tmp/site/css/a.css"));
        Assert.NotNull(Stat(name, "/data/index.html"));
        Assert.NotNull(Stat(name, "/data/a.txt"));
    }

    [Fact]
    public void CopyIn_AFile_OverwritesAnExistingFile()
    {
        var name = StartPrepared("cpinover");
        var source = Path.Combine(_host, "new.txt");
        File.WriteAllText(source, "replaced!");

        _f.Run($"Copy-ContainerItem {name} '{source}' /data/a.txt -ToContainer").AssertNoErrors();

        Assert.Equal(9, Stat(name, "/data/a.txt")!.Size);
    }

    [Fact]
    public void CopyIn_AMissingHostPath_WritesHostPathNotFound()
    {
        var name = StartPrepared("cpinmissing");
        var missing = Path.Combine(_host, "nothing-here");

        SingleError(_f.Run($"Copy-ContainerItem {name} '{missing}' /tmp -ToContainer"), "HostPathNotFound", "CopyContainerItemCommand", ErrorCategory.ObjectNotFound, missing);
    }

    [Fact]
    public void CopyIn_IntoAMissingFolder_WritesContainerPathNotFound()
    {
        var name = StartPrepared("cpinnodir");
        var source = Path.Combine(_host, "f.txt");
        File.WriteAllText(source, "x");

        SingleError(_f.Run($"Copy-ContainerItem {name} '{source}' /no/dir/f.txt -ToContainer"), "ContainerPathNotFound", "CopyContainerItemCommand", ErrorCategory.ObjectNotFound, "/no/dir/f.txt");
    }

    [Fact]
    public void Copy_WhatIf_CopiesNothing()
    {
        var name = StartPrepared("cpwhatif");
        var source = Path.Combine(_host, "f.txt");
        File.WriteAllText(source, "x");

        _f.Run($"Copy-ContainerItem {name} /data/a.txt '{Path.Combine(_host, "out.txt")}' -WhatIf").AssertNoErrors();
        _f.Run($"Copy-ContainerItem {name} '{source}' /tmp/f.txt -ToContainer -WhatIf").AssertNoErrors();

        Assert.False(File.Exists(Path.Combine(_host, "out.txt")));
        Assert.Null(Stat(name, "/tmp/f.txt"));
    }

    [Fact]
    public void Copy_PipedContainer_IsTheSource()
    {
        var name = StartPrepared("cppiped");

        _f.Run($"Get-Container {name} | Copy-ContainerItem -Path /data/a.txt -Destination '{Path.Combine(_host, "piped.txt")}'").AssertNoErrors();

        Assert.True(File.Exists(Path.Combine(_host, "piped.txt")));
    }

    [Fact]
    public void CopyOut_ALargeFile_ArrivesWhole_WithProgressShown()
    {
        var name = _f.UniqueName("cplarge");
        _f.CreateContainer(name, new[] { "sh", "-c", "dd if=/dev/zero of=/big bs=1048576 count=48 2>/dev/null && touch /ready && exec sleep 600" });
        WaitReady(name);
        var destination = Path.Combine(_host, "big");

        _f.Run($"$ProgressPreference = 'Continue'; Copy-ContainerItem {name} /big '{destination}'; $ProgressPreference = 'SilentlyContinue'").AssertNoErrors();

        Assert.Equal(48L * 1024 * 1024, new FileInfo(destination).Length);
    }

    [Fact]
    public void CopyOut_CtrlC_EndsWithinASecond_AndLeavesNothingBehind()
    {
        var name = _f.UniqueName("cpctrlc");
        _f.CreateContainer(name, new[] { "sh", "-c", "dd if=/dev/zero of=/big bs=1048576 count=512 2>/dev/null && touch /ready && exec sleep 600" });
        WaitReady(name);

        var took = StopAfter(_f, $"Copy-ContainerItem {name} /big '{Path.Combine(_host, "big")}'", TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(5));

        Assert.True(took < TimeSpan.FromSeconds(1), took.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Directory.GetFileSystemEntries(_host).Length > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50); // the staging folder goes once the reader has seen the cancellation
        }

        Assert.Empty(Directory.GetFileSystemEntries(_host));
    }

    private string StartPrepared(string prefix)
    {
        var name = _f.UniqueName(prefix);
        _f.CreateContainer(name, Prepared);
        WaitReady(name);
        return name;
    }

    private void WaitReady(string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Stat(name, "/ready") is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the container did not prepare its files within 15 s");
            Thread.Sleep(50);
        }
    }

    private ContainerPathStatResponse? Stat(string container, string path)
    {
        try
        {
            return _f.Docker.Containers.GetArchiveFromContainerAsync(container, new ContainerPathStatParameters { Path = path }, true).GetAwaiter().GetResult().Stat;
        }
        catch (Docker.DotNet.DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
