using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Save-Image and Import-Image against the real engine: several images in one archive, round trips by
/// image id, the file rules (temporary file renamed at the end, -Force to replace, nothing left on
/// failure) and the bytes progress.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ImageArchiveTests : IDisposable
{
    private readonly EngineFixture _f;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("psd-img-archive-");

    public ImageArchiveTests(EngineFixture fixture) => _f = fixture;

    public void Dispose() => _dir.Delete(recursive: true);

    private string Repo(string name) => $"{ImageRunCleanup.RepositoryPrefix(_f)}{name}";

    [Fact]
    public async Task SaveThenImport_SeveralImagesInOneArchive_RoundTripByImageId()
    {
        var first = Repo("save-a") + ":1";
        var second = Repo("save-b") + ":1";
        var firstId = await _f.CommitImageAsync(Repo("save-a"), "1");
        var secondId = await _f.CommitImageAsync(Repo("save-b"), "1");
        var path = Path.Combine(_dir.FullName, "images.tar");

        var (saved, saveErrors, progress) = RunCapturingProgress($"Save-Image {first}, {second} -Path '{path}' -PassThru");
        Assert.Empty(saveErrors);
        Assert.Equal(path, Assert.IsType<FileInfo>(Assert.Single(saved).BaseObject).FullName);
        Assert.True(new FileInfo(path).Length > 0);
        Assert.Equal(new[] { "images.tar" }, _dir.GetFiles().Select(f => f.Name));
        Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);

        _f.Run($"Remove-Image {first}, {second}").AssertNoErrors();
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(firstId));

        var loaded = _f.Run($"[System.IO.FileInfo]::new('{path}') | Import-Image").AssertNoErrors().Objects<Image>();

        Assert.Equal(new[] { first, second }.OrderBy(r => r), loaded.Select(i => i.Reference).OrderBy(r => r));
        Assert.Equal(firstId, loaded.Single(i => i.Reference == first).Id);
        Assert.Equal(secondId, loaded.Single(i => i.Reference == second).Id);
        Assert.Equal(firstId, (await _f.Docker.Images.InspectImageAsync(first)).ID);
    }

    [Fact]
    public async Task SaveImage_ExistingFile_IsRefusedWithoutForce_AndReplacedWithIt()
    {
        var image = Repo("save-force") + ":1";
        await _f.CommitImageAsync(Repo("save-force"), "1");
        var path = Path.Combine(_dir.FullName, "exists.tar");
        File.WriteAllText(path, "keep me");

        var refused = _f.Run($"try {{ Save-Image {image} -Path '{path}'; 'not reached' }} catch {{ $_ }}");
        var error = Assert.IsType<ErrorRecord>(Assert.Single(refused.Output).BaseObject);
        Assert.Equal("FileExists,PSDocker.Commands.SaveImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal("keep me", File.ReadAllText(path));

        _f.Run($"Save-Image {image} -Path '{path}' -Force").AssertNoErrors();
        Assert.True(new FileInfo(path).Length > 1024);
        Assert.Single(_dir.GetFiles());
    }

    [Fact]
    public void SaveImage_MissingImage_IsImageNotFound_AndLeavesNoFile()
    {
        var path = Path.Combine(_dir.FullName, "never.tar");

        var result = _f.Run($"Save-Image {EngineFixture.TestImage}, {Repo("never")}:1 -Path '{path}'");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageNotFound,PSDocker.Commands.SaveImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(Repo("never") + ":1", error.TargetObject?.ToString());
        Assert.Empty(_dir.GetFiles());
    }

    [Fact]
    public async Task SaveImage_StoppedMidStream_EndsWithinASecond_AndLeavesNoFile()
    {
        // An image big enough (150 MB) that the stop lands while the archive streams.
        var image = Repo("big") + ":1";
        var source = _f.UniqueName("big");
        _f.CreateContainer(source, new[] { "dd", "if=/dev/zero", "of=/big", "bs=1048576", "count=150" });
        _f.WaitExit(source);
        await _f.Docker.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters { ContainerID = source, RepositoryName = Repo("big"), Tag = "1", Labels = _f.Labels });
        var path = Path.Combine(_dir.FullName, "stopped.tar");

        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript($"Save-Image {image} -Path '{path}'");
        var running = ps.BeginInvoke();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && !_dir.GetFiles("*.partial").Any(f => f.Length > 0))
        {
            Thread.Sleep(1);
        }

        Assert.True(_dir.GetFiles("*.partial").Any(), "the archive never started streaming");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {stopping.Elapsed}");
        Assert.Empty(_dir.GetFiles());
    }

    [Fact]
    public void ImportImage_NotAnArchive_IsImageLoadFailedNamingThePath_NoOutput()
    {
        var path = Path.Combine(_dir.FullName, "garbage.tar");
        File.WriteAllText(path, "this is not a tar archive");

        var result = _f.Run($"Import-Image -Path '{path}'");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageLoadFailed,PSDocker.Commands.ImportImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(path, error.TargetObject);
        Assert.Contains(path, error.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ImportImage_MissingFile_IsArchiveNotFound()
    {
        var result = _f.Run($"Import-Image -Path '{Path.Combine(_dir.FullName, "none.tar")}'");

        Assert.Equal("ArchiveNotFound,PSDocker.Commands.ImportImageCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task ExportContainer_ThenNewImageFromTheFileSystem_RunsWithTheContainersFiles()
    {
        var marker = "exported-" + Guid.NewGuid().ToString("N")[..8];
        var container = _f.UniqueName("export");
        _f.CreateContainer(container, new[] { "sh", "-c", $"echo {marker} > /marker" });
        _f.WaitExit(container);
        var path = Path.Combine(_dir.FullName, "web.tar");
        var tag = Repo("flat") + ":1";

        var exported = _f.Run($"Get-Container {container} | Export-Container -Path '{path}' -PassThru").AssertNoErrors();
        Assert.Equal(path, Assert.IsType<FileInfo>(Assert.Single(exported.Output).BaseObject).FullName);
        Assert.Equal(new[] { "web.tar" }, _dir.GetFiles().Select(f => f.Name));

        var created = _f.Run($"New-Image -FileSystem '{path}' -Tag {tag} -Message flat -Change 'ENV PATH=/bin', 'CMD [\"/bin/sh\"]'").AssertNoErrors().Objects<Image>();
        var image = Assert.Single(created);
        Assert.Equal(tag, image.Reference);
        var inspected = await _f.Docker.Images.InspectImageAsync(tag);
        Assert.Equal(inspected.ID, image.Id);
        Assert.Equal("flat", inspected.Comment);
        Assert.Contains("PATH=/bin", inspected.Config.Env);

        var run = _f.Run($"Invoke-Container -Image {tag} -Command cat, /marker -Remove -Label $TestLabel").AssertNoErrors();
        Assert.Equal(new object[] { marker }, run.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void ExportContainer_ExistingFileWithoutForce_IsFileExists_AndKeepsIt()
    {
        var container = _f.UniqueName("export-exists");
        _f.CreateContainer(container, new[] { "true" }, start: false);
        var path = Path.Combine(_dir.FullName, "exists.tar");
        File.WriteAllText(path, "keep me");

        var refused = _f.Run($"try {{ Export-Container {container} -Path '{path}'; 'not reached' }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(refused.Output).BaseObject);
        Assert.Equal("FileExists,PSDocker.Commands.ExportContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public async Task NewImage_FromContainer_CommitsWithMessageAndAuthor_AndARunShowsTheChange()
    {
        var container = _f.UniqueName("commit");
        _f.CreateContainer(container, new[] { "sh", "-c", "echo has-update > /update" });
        _f.WaitExit(container);
        var tag = Repo("web") + ":2";

        var created = _f.Run($"New-Image -Container {container} -Tag {tag} -Message 'has update' -Author ops").AssertNoErrors().Objects<Image>();

        var image = Assert.Single(created);
        Assert.Equal(tag, image.Reference);
        var inspected = await _f.Docker.Images.InspectImageAsync(tag);
        Assert.Equal(inspected.ID, image.Id);
        Assert.Equal("has update", inspected.Comment);
        Assert.Equal("ops", inspected.Author);
        var run = _f.Run($"Invoke-Container -Image {tag} -Command cat, /update -Remove -Label $TestLabel").AssertNoErrors();
        Assert.Equal(new object[] { "has-update" }, run.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void NewImage_FromMissingContainer_IsContainerNotFound_NoOutput()
    {
        var missing = _f.UniqueName("nocontainer");

        var result = _f.Run($"New-Image -Container {missing} -Tag {Repo("none")}:1");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNotFound,PSDocker.Commands.NewImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(missing, error.TargetObject);
        Assert.Empty(result.Output);
    }

    private (IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<ProgressRecord> Progress) RunCapturingProgress(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList(), ps.Streams.Progress.ToList());
    }
}
