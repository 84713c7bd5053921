using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>
/// The image cmdlets against the real engine and a registry on loopback: listing one object per repo:tag,
/// inspection and history, tagging, removal of exactly the reference named or piped, prune by label,
/// and push/pull round trips. Every image made here is tagged under psdocker-test-RUNID/ and labelled
/// with the run label; <see cref="ImageRunCleanup"/> removes them.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ImageTests : IClassFixture<LocalRegistry>
{
    private readonly EngineFixture _f;
    private readonly LocalRegistry _registry;

    public ImageTests(EngineFixture fixture, LocalRegistry registry)
    {
        _f = fixture;
        _registry = registry;
    }

    private string Repo(string name) => $"{ImageRunCleanup.RepositoryPrefix(_f)}{name}";

    [Fact]
    public async Task GetImage_ListsOneObjectPerTag_EachKnowingTheImageId()
    {
        var repo = Repo("multi");
        var id = await _f.CommitImageAsync(repo, "a");
        await _f.Docker.Images.TagImageAsync(id, new ImageTagParameters { RepositoryName = repo, Tag = "b" });

        var images = _f.Run($"Get-Image {repo}").AssertNoErrors().Objects<Image>();

        Assert.Equal(new[] { "a", "b" }, images.Select(i => i.Tag).OrderBy(t => t));
        Assert.All(images, i => Assert.Equal(id, i.Id));
        Assert.All(images, i => Assert.Equal(repo, i.Repository));
        var inspected = await _f.Docker.Images.InspectImageAsync(id);
        Assert.All(images, i => Assert.Equal(inspected.Size, i.Size));
        Assert.All(images, i => Assert.InRange((inspected.Created!.Value.ToLocalTime() - i.Created).TotalSeconds, 0, 1));
        Assert.All(images, i => Assert.Equal(DateTimeKind.Local, i.Created.Kind));

        Assert.Equal(new[] { repo + ":b" }, _f.Run($"Get-Image '{repo}:b'").AssertNoErrors().Objects<Image>().Select(i => i.Reference));
        Assert.Equal(2, _f.Run($"Get-Image '{ImageRunCleanup.RepositoryPrefix(_f)}mul*'").AssertNoErrors().Objects<Image>().Count);
        Assert.Equal(new[] { "a" }, _f.Run($"Get-Image '{repo}:[a]'").AssertNoErrors().Objects<Image>().Select(i => i.Tag));
        Assert.Contains(_f.Run("Get-Image -Label $TestLabelFilter").AssertNoErrors().Objects<Image>(), i => i.Reference == repo + ":a");
        Assert.Contains(_f.Run($"Get-Image -Id {id.Substring(7, 12)}").AssertNoErrors().Objects<Image>(), i => i.Reference == repo + ":b");
    }

    [Fact]
    public async Task GetImage_Dangling_ListsUntaggedImagesWithNone()
    {
        var id = await _f.CommitImageAsync(null, null);

        var images = _f.Run("Get-Image -Dangling -Label $TestLabelFilter").AssertNoErrors().Objects<Image>();

        var dangling = Assert.Single(images, i => i.Id == id);
        Assert.Equal("<none>", dangling.Repository);
        Assert.Equal("<none>", dangling.Tag);
        Assert.True(dangling.Dangling);
        Assert.DoesNotContain(images, i => i.Reference.Length > 0);
    }

    [Fact]
    public void GetImage_UnknownName_IsImageNotFoundNamingIt()
    {
        var result = _f.Run($"Get-Image {Repo("never")}:x");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageNotFound,PSDocker.Commands.GetImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(Repo("never") + ":x", error.TargetObject);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task GetImageDetailAndHistory_DescribeTheImage()
    {
        var repo = Repo("detail");
        var id = await _f.CommitImageAsync(repo, "1", comment: "has marker", author: "ops");

        var detail = Assert.Single(_f.Run($"Get-Image {repo}:1 | Get-ImageDetail").AssertNoErrors().Objects<ImageDetail>());
        Assert.Equal(id, detail.Id);
        Assert.Equal(new[] { repo + ":1" }, detail.RepoTags);
        Assert.Equal("has marker", detail.Comment);
        Assert.Equal("ops", detail.Author);
        Assert.Equal(_f.RunId, detail.Labels[EngineFixture.LabelKey]);
        Assert.Equal(2, detail.Layers.Length);

        var history = _f.Run($"Get-ImageHistory {repo}:1").AssertNoErrors().Objects<ImageLayer>();
        var expected = await _f.Docker.Images.GetImageHistoryAsync(id);
        Assert.Equal(expected.Count, history.Count);
        Assert.Equal(id, history[0].Id);
        Assert.Equal("has marker", history[0].Comment);
        Assert.Equal(repo + ":1", history[0].Image);
        Assert.Equal(expected.Select(e => e.Size), history.Select(h => h.Size));
    }

    [Fact]
    public async Task AddImageTag_PassThru_EmitsTheImageUnderTheNewTag()
    {
        var repo = Repo("tag");
        var id = await _f.CommitImageAsync(repo, "1");

        var tagged = _f.Run($"Add-ImageTag {repo}:1 -Tag {repo}:2, {repo}-other -PassThru").AssertNoErrors().Objects<Image>();

        Assert.Equal(new[] { repo + ":2", repo + "-other:latest" }, tagged.Select(i => i.Reference));
        Assert.All(tagged, i => Assert.Equal(id, i.Id));
        var inspected = await _f.Docker.Images.InspectImageAsync(id);
        Assert.Contains(repo + ":2", inspected.RepoTags);
        Assert.Contains(repo + "-other:latest", inspected.RepoTags);
    }

    [Fact]
    public void AddImageTag_InvalidTag_IsTerminatingInvalidTag()
    {
        var result = _f.Run($"try {{ Add-ImageTag {EngineFixture.TestImage} -Tag 'Bad/UPPER:x'; 'not reached' }} catch {{ $_ }}");

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InvalidTag,PSDocker.Commands.AddImageTagCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Bad/UPPER:x", error.TargetObject);
    }

    [Fact]
    public async Task RemoveImage_PipedTag_UntagsOnlyThatTag_TheImageGoesWithItsLastTag()
    {
        var repo = Repo("untag");
        var id = await _f.CommitImageAsync(repo, "a");
        await _f.Docker.Images.TagImageAsync(id, new ImageTagParameters { RepositoryName = repo, Tag = "b" });

        _f.Run($"Get-Image {repo}:a | Remove-Image").AssertNoErrors();

        var inspected = await _f.Docker.Images.InspectImageAsync(id);
        Assert.Equal(new[] { repo + ":b" }, inspected.RepoTags);

        _f.Run($"Remove-Image {repo}:b").AssertNoErrors();
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(id));
    }

    [Fact]
    public async Task RemoveImage_EveryTagOfOneImageInOneCall_RemovesItWithoutErrors()
    {
        // The tags are untagged concurrently: whichever goes last takes the image, and the other must not
        // report the engine's "Unrecognized image ID" race as a failure.
        for (var round = 0; round < 3; round++)
        {
            var repo = Repo("alltags" + round);
            var id = await _f.CommitImageAsync(repo, "a");
            foreach (var tag in new[] { "b", "c", "d" })
            {
                await _f.Docker.Images.TagImageAsync(id, new ImageTagParameters { RepositoryName = repo, Tag = tag });
            }

            _f.Run($"Get-Image {repo} | Remove-Image").AssertNoErrors();

            await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(id));
        }
    }

    [Fact]
    public async Task RemoveImage_ById_WithSeveralTags_IsRefused_UnlessForce()
    {
        var repo = Repo("byid");
        var id = await _f.CommitImageAsync(repo, "a");
        await _f.Docker.Images.TagImageAsync(id, new ImageTagParameters { RepositoryName = repo, Tag = "b" });

        var refused = _f.Run($"Remove-Image -Id {id}");
        var error = Assert.Single(refused.Errors);
        Assert.Equal("ImageHasSeveralTags,PSDocker.Commands.RemoveImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(2, (await _f.Docker.Images.InspectImageAsync(id)).RepoTags.Count);

        _f.Run($"Get-ImageDetail {repo}:a | Remove-Image -Force").AssertNoErrors();
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(id));
    }

    [Fact]
    public async Task RemoveImage_UsedByAContainer_IsImageInUse_AndKept_UnlessForce()
    {
        var repo = Repo("inuse");
        var image = repo + ":1";
        var id = await _f.CommitImageAsync(repo, "1");
        var container = _f.UniqueName("imguser");
        await _f.Docker.Containers.CreateContainerAsync(new CreateContainerParameters { Name = container, Image = image, Labels = _f.Labels, Cmd = new[] { "true" } });

        var refused = _f.Run($"Remove-Image {image}");

        var error = Assert.Single(refused.Errors);
        Assert.Equal("ImageInUse,PSDocker.Commands.RemoveImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
        Assert.Equal(image, error.TargetObject);
        Assert.Contains("-Force", error.Exception.Message);
        Assert.Contains(image, (await _f.Docker.Images.InspectImageAsync(id)).RepoTags);

        // docker rmi -f: a stopped container does not hold the image back.
        _f.Run($"Remove-Image {image} -Force").AssertNoErrors();
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(image));
        Assert.NotNull(_f.Inspect(container));
    }

    [Fact]
    public async Task RemoveImage_WhatIf_RemovesNothing()
    {
        var repo = Repo("whatif");
        var id = await _f.CommitImageAsync(repo, "1");

        var result = _f.Run($"Get-Image {repo} | Remove-Image -WhatIf").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Contains(repo + ":1", (await _f.Docker.Images.InspectImageAsync(id)).RepoTags);
    }

    [Fact]
    public async Task RemoveImage_PruneAllByLabel_RemovesOnlyThisRunsUnusedImages()
    {
        var labels = new Dictionary<string, string> { ["psdocker.test.prune"] = _f.RunId };
        var id = await _f.CommitImageAsync(Repo("prune"), "1", extraLabels: labels);

        var result = _f.Run($"Remove-Image -Prune -All -Label 'psdocker.test.prune={_f.RunId}' -Force").AssertNoErrors();

        var prune = Assert.Single(result.Objects<PruneResult>());
        Assert.Equal("Image", prune.ResourceType);
        Assert.Contains(id, prune.Deleted);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(id));
        Assert.NotNull(await _f.Docker.Images.InspectImageAsync(EngineFixture.TestImage));
    }

    [Fact]
    public async Task PublishThenInstall_RoundTripsThroughTheRegistry_ByImageId_WithLayerProgress()
    {
        var repo = $"{_registry.Address}/{Repo("roundtrip")}";
        var image = repo + ":1";
        var id = await _f.CommitImageAsync(Repo("roundtrip-src"), "1");

        var (pushed, pushErrors, pushProgress) = RunCapturingProgress($"Add-ImageTag {Repo("roundtrip-src")}:1 -Tag {image} -PassThru | Publish-Image");
        Assert.Empty(pushErrors);
        var published = Assert.Single(pushed.Select(o => o.BaseObject).OfType<Image>());
        Assert.Equal(image, published.Reference);
        Assert.Contains(published.Digests, d => d.StartsWith(repo + "@sha256:", StringComparison.Ordinal));
        Assert.Contains(pushProgress, p => p.Activity == "Pushing image " + image);
        Assert.Contains(pushProgress, p => p.Activity.StartsWith("Layer ", StringComparison.Ordinal) && p.ParentActivityId == 1);

        _f.Run($"Remove-Image {image}, {Repo("roundtrip-src")}:1").AssertNoErrors();
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(id));

        var (pulled, pullErrors, pullProgress) = RunCapturingProgress($"Install-Image {image}");
        Assert.Empty(pullErrors);
        var installed = Assert.Single(pulled.Select(o => o.BaseObject).OfType<Image>());
        Assert.Equal(id, installed.Id);
        Assert.Equal(image, installed.Reference);
        Assert.Equal(id, (await _f.Docker.Images.InspectImageAsync(image)).ID);
        Assert.Contains(pullProgress, p => p.Activity.StartsWith("Layer ", StringComparison.Ordinal) && p.RecordType == ProgressRecordType.Completed);
        Assert.Equal(ProgressRecordType.Completed, pullProgress.Last().RecordType);
    }

    [Fact]
    public void InstallImage_UnknownTag_IsImagePullFailedNamingTheImage_NoOutput_NoPasswordShown()
    {
        var image = $"{_registry.Address}/{Repo("never")}:nope";
        const string password = "s3cret-Pa55-never-shown";

        var credential = new PSCredential("user", new System.Net.NetworkCredential(string.Empty, password).SecurePassword);
        var result = _f.Run($"param($Credential) Install-Image {image} -Credential $Credential -Verbose", new Dictionary<string, object?> { ["Credential"] = credential });

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImagePullFailed,PSDocker.Commands.InstallImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(image, error.TargetObject);
        Assert.Contains($"Unable to pull image '{image}'", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.DoesNotContain(password, error.ToString() + error.Exception + string.Join("\n", result.Warnings));
    }

    [Fact]
    public async Task PublishImage_UnreachableRegistry_IsImagePushFailedNamingTheImage_NoOutput()
    {
        var image = $"127.0.0.1:{EngineChecks.FreeLoopbackPort()}/{Repo("nowhere")}:1";
        await _f.CommitImageAsync(image.Substring(0, image.LastIndexOf(':')), "1");

        var result = _f.Run($"Publish-Image {image}");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImagePushFailed,PSDocker.Commands.PublishImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(image, error.TargetObject);
        Assert.Contains($"Unable to push image '{image}'", error.Exception.Message);
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
