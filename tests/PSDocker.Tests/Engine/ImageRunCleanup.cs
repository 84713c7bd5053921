using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Removes the images this run's tests made: every tag under a <c>psdocker-test-RUNID/</c> repository
/// (on any registry), then every image labelled with the run label. Images of other runs and the shared
/// test images are never touched.
/// </summary>
public sealed class ImageRunCleanup : IRunCleanup
{
    /// <summary>The repository prefix of this run's image tags.</summary>
    public static string RepositoryPrefix(EngineFixture f) => $"psdocker-test-{f.RunId}/";

    public int Order => 100;

    public void Remove(EngineFixture fixture)
    {
        var prefix = RepositoryPrefix(fixture);
        var images = fixture.Docker.Images.ListImagesAsync(new ImagesListParameters { All = true }).GetAwaiter().GetResult();
        foreach (var tag in images.SelectMany(i => i.RepoTags ?? new List<string>()).Where(t => t.StartsWith(prefix, StringComparison.Ordinal) || t.Contains("/" + prefix, StringComparison.Ordinal)))
        {
            Delete(fixture, tag);
        }

        var labelled = fixture.Docker.Images.ListImagesAsync(new ImagesListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [EngineFixture.LabelKey + "=" + fixture.RunId] = true } },
        }).GetAwaiter().GetResult();
        foreach (var image in labelled.OrderByDescending(i => i.Created))
        {
            Delete(fixture, image.ID);
        }
    }

    private static void Delete(EngineFixture fixture, string reference)
    {
        try
        {
            fixture.Docker.Images.DeleteImageAsync(reference, new ImageDeleteParameters { Force = true }).GetAwaiter().GetResult();
        }
        catch (DockerApiException)
        {
            // Gone already, or a child went first.
        }
    }
}

/// <summary>Images for the image tests, made straight through Docker.DotNet.</summary>
public static class ImageFixtureExtensions
{
    /// <summary>
    /// Commits a labelled image with a layer of its own (a unique /marker file) from the test image;
    /// untagged when <paramref name="repository"/> is null. Returns its id.
    /// </summary>
    public static async Task<string> CommitImageAsync(this EngineFixture f, string? repository, string? tag, string? comment = null, string? author = null, IDictionary<string, string>? extraLabels = null)
    {
        var source = f.UniqueName("imgsrc");
        f.CreateContainer(source, new[] { "sh", "-c", $"echo {Guid.NewGuid():N} > /marker" }, start: true, extraLabels: extraLabels);
        f.WaitExit(source);
        try
        {
            var labels = f.Labels;
            foreach (var l in extraLabels ?? new Dictionary<string, string>())
            {
                labels[l.Key] = l.Value;
            }

            var response = await f.Docker.Images.CommitContainerChangesAsync(new CommitContainerChangesParameters
            {
                ContainerID = source,
                RepositoryName = repository,
                Tag = tag,
                Comment = comment,
                Author = author,
                Labels = labels,
                Cmd = new[] { "/bin/sh" },
                Env = new[] { "PATH=/bin" },
            });
            return response.ID;
        }
        finally
        {
            await f.Docker.Containers.RemoveContainerAsync(source, new ContainerRemoveParameters { Force = true });
        }
    }
}
