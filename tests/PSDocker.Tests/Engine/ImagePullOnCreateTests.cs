using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>New-Container and Invoke-Container pull a missing image first, from a registry on loopback.</summary>
[Collection(EngineCollection.Name)]
public sealed class ImagePullOnCreateTests : IClassFixture<LocalRegistry>
{
    private readonly EngineFixture _f;
    private readonly LocalRegistry _registry;

    public ImagePullOnCreateTests(EngineFixture fixture, LocalRegistry registry)
    {
        _f = fixture;
        _registry = registry;
    }

    [Fact]
    public async Task NewContainer_ImageMissingLocally_IsPulledWithProgress_ThenCreated()
    {
        var image = await PushTestImageAndUntagAsync();
        var name = _f.UniqueName("pulled");
        try
        {
            var (output, errors, progress) = RunCapturingProgress($"New-Container -Image {image} -Name {name} -Label $TestLabel");

            Assert.Empty(errors);
            var container = Assert.Single(output.Select(o => o.BaseObject).OfType<Container>());
            Assert.Equal(name, container.Name);
            Assert.Equal(image, container.Image);
            Assert.Equal(ContainerState.Created, container.State);
            Assert.NotNull(await _f.Docker.Images.InspectImageAsync(image));

            Assert.Contains(progress, p => p.Activity == "Pulling image " + image && p.RecordType == ProgressRecordType.Processing);
            var layers = progress.Where(p => p.Activity.StartsWith("Layer ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(layers);
            Assert.All(layers, p => Assert.Equal(1, p.ParentActivityId));
            Assert.Contains(layers, p => p.RecordType == ProgressRecordType.Completed);
            Assert.Equal(ProgressRecordType.Completed, progress.Last().RecordType);

            // Now present: -Pull Missing does not pull again; -Pull Always does.
            var (_, _, again) = RunCapturingProgress($"Invoke-Container -Image {image} -Remove -Label $TestLabel -Command true");
            Assert.Empty(again);
            var (always, alwaysErrors, pulledAgain) = RunCapturingProgress($"Invoke-Container -Image {image} -Pull Always -Remove -Label $TestLabel -Command echo,fresh");
            Assert.Empty(alwaysErrors);
            Assert.Equal(new object[] { "fresh" }, always.Select(o => o.BaseObject));
            Assert.NotEmpty(pulledAgain);
        }
        finally
        {
            await _f.Docker.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true });
            await UntagAsync(image);
        }
    }

    [Fact]
    public void NewContainer_TagMissingInTheRegistry_IsImagePullFailedNamingTheImage()
    {
        var image = $"{_registry.Address}/psdocker-test/never-pushed-{_f.RunId}:nope";
        var name = _f.UniqueName("nopull");
        var result = _f.Run($"New-Container -Image {image} -Name {name} -Label $TestLabel");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImagePullFailed,PSDocker.Commands.NewContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(image, error.TargetObject);
        Assert.Contains($"Unable to pull image '{image}'", error.Exception.Message);
        Assert.Null(_f.Inspect(name));
    }

    private (IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<ProgressRecord> Progress) RunCapturingProgress(string script)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript(script);
        var output = ps.Invoke();
        return (output, ps.Streams.Error.ToList(), ps.Streams.Progress.ToList());
    }

    /// <summary>
    /// Commits a labelled image with a layer of its own (so a pull has a layer to download), pushes it to
    /// the registry under a tag unique to this run, then deletes it locally.
    /// </summary>
    private async Task<string> PushTestImageAndUntagAsync()
    {
        var repository = $"{_registry.Address}/psdocker-test/pull-{_f.RunId}";
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var image = repository + ":" + tag;
        var source = _f.UniqueName("layer");
        _f.CreateContainer(source, new[] { "sh", "-c", $"echo {tag} > /marker" });
        _f.WaitExit(source);
        await _f.Docker.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters { ContainerID = source, RepositoryName = repository, Tag = tag });
        await _f.Docker.Containers.RemoveContainerAsync(source, new ContainerRemoveParameters { Force = true });

        string? pushError = null;
        await _f.Docker.Images.PushImageAsync(repository, new ImagePushParameters { Tag = tag }, new AuthConfig(), new Collect(m => pushError ??= m.Error?.Message));
        Assert.Null(pushError);

        await UntagAsync(image);
        await Assert.ThrowsAnyAsync<DockerApiException>(() => _f.Docker.Images.InspectImageAsync(image));
        return image;
    }

    private async Task UntagAsync(string image)
    {
        try
        {
            await _f.Docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
        }
        catch (DockerImageNotFoundException)
        {
        }
    }

    private sealed class Collect(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
