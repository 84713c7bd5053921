using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Build-Image against the real engine's classic builder: .dockerignore honoured (with exceptions), build
/// arguments, a Dockerfile outside the context, -Target, a failing step, Ctrl+C. Every Dockerfile labels
/// its images right after FROM, so even a failed build's intermediate images carry the run label and
/// go with the run's cleanup.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BuildImageTests : IDisposable
{
    private readonly EngineFixture _f;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("psd-build-");

    public BuildImageTests(EngineFixture fixture) => _f = fixture;

    public void Dispose() => _dir.Delete(recursive: true);

    private string Repo(string name) => $"{ImageRunCleanup.RepositoryPrefix(_f)}build-{name}";

    private string From => $"FROM {EngineFixture.TestImage}\nLABEL {EngineFixture.LabelKey}={_f.RunId}\n";

    [Fact]
    public async Task BuildImage_DockerignoreAndBuildArg_IgnoredFileAbsent_ExceptionPresent_ArgApplied()
    {
        var context = Write("ctx/Dockerfile", From + "ARG V=unset\nCOPY . /ctx\nRUN echo \"$V\" > /v\n");
        Write("ctx/.dockerignore", "# secrets stay home\nsecret.txt\nsub\n!sub/keep.txt\n");
        Write("ctx/secret.txt", "secret");
        Write("ctx/sub/drop.txt", "drop");
        Write("ctx/sub/keep.txt", "keep");
        Write("ctx/plain.txt", "plain");
        var tag = Repo("app") + ":1";

        var result = _f.Run($"Build-Image '{context}' -Tag {tag} -BuildArg @{{ V = '2'; UNUSED = 'x' }} -Label $TestLabel").AssertNoErrors();
        // The engine's warning (a build arg no step uses) is a PowerShell warning, seen by default.
        Assert.Contains(result.Warnings, w => w.Contains("UNUSED", StringComparison.Ordinal) && w.Contains("not consumed", StringComparison.Ordinal));

        var image = Assert.Single(result.Objects<Image>());
        var inspected = await _f.Docker.Images.InspectImageAsync(tag);
        Assert.Equal(inspected.ID, image.Id);
        Assert.Equal(tag, image.Reference);
        Assert.Equal(_f.RunId, inspected.Config.Labels[EngineFixture.LabelKey]);
        Assert.Contains(result.Information, l => l.StartsWith("Step 1/", StringComparison.Ordinal));
        Assert.Contains(result.Information, l => l.StartsWith("Successfully built ", StringComparison.Ordinal));

        var files = RunIn(tag, "cat /v; find /ctx -type f | sort");
        Assert.Equal(new[] { "2", "/ctx/.dockerignore", "/ctx/Dockerfile", "/ctx/plain.txt", "/ctx/sub/keep.txt" }, files);
    }

    [Fact]
    public async Task BuildImage_SeveralTags_OneImagePerTag_SameId()
    {
        var context = Write("tags/Dockerfile", From);
        var first = Repo("tags") + ":a";
        var second = Repo("tags") + ":b";

        var images = _f.Run($"Build-Image -Path '{context}' -Tag {first}, {second} -Label $TestLabel").AssertNoErrors().Objects<Image>();

        Assert.Equal(new[] { first, second }, images.Select(i => i.Reference));
        Assert.Single(images.Select(i => i.Id).Distinct());
        Assert.Equal((await _f.Docker.Images.InspectImageAsync(first)).ID, (await _f.Docker.Images.InspectImageAsync(second)).ID);
    }

    [Fact]
    public async Task BuildImage_WithoutPath_BuildsTheCurrentLocation_RelativeDockerfileFromThere()
    {
        var context = Write("here/ctx/marker.txt", "here");
        Write("here/ctx/build/Other.Dockerfile", From + "COPY marker.txt /\n");
        var tag = Repo("here") + ":1";

        var image = Assert.Single(_f.Run($"$ExecutionContext.SessionState.Path.PushCurrentLocation('build'); $null = $ExecutionContext.SessionState.Path.SetLocation('{context}'); try {{ Build-Image -Dockerfile build/Other.Dockerfile -Tag {tag} -Label $TestLabel }} finally {{ $null = $ExecutionContext.SessionState.Path.PopLocation('build') }}").AssertNoErrors().Objects<Image>());

        Assert.Equal((await _f.Docker.Images.InspectImageAsync(tag)).ID, image.Id);
        Assert.Equal(new[] { "here" }, RunIn(tag, "cat /marker.txt"));
    }

    [Fact]
    public void BuildImage_DockerfileOutsideTheContext_IsUsed_AndNotCopied()
    {
        var context = Write("outer/ctx/a.txt", "from-the-context");
        Write("outer/elsewhere/App.Dockerfile", From + "COPY . /ctx\n");
        var dockerfile = Path.Combine(_dir.FullName, "outer", "elsewhere", "App.Dockerfile");
        var tag = Repo("outside") + ":1";

        _f.Run($"Build-Image '{context}' -Dockerfile '{dockerfile}' -Tag {tag} -Label $TestLabel").AssertNoErrors();

        // The generated .dockerfile.* and the made .dockerignore (which lists itself, as the CLI writes it) stay out of COPY.
        Assert.Equal(new[] { "/ctx/a.txt", "from-the-context" }, RunIn(tag, "find /ctx -type f | sort; cat /ctx/a.txt"));
    }

    [Fact]
    public void BuildImage_Target_BuildsThatStage()
    {
        var label = $"LABEL {EngineFixture.LabelKey}={_f.RunId}\n";
        var context = Write("stages/Dockerfile", $"FROM {EngineFixture.TestImage} AS first\n{label}RUN echo first > /stage\nFROM {EngineFixture.TestImage} AS second\n{label}RUN echo second > /stage\n");
        var tag = Repo("stages") + ":first";

        _f.Run($"Build-Image '{context}' -Target first -Tag {tag} -Label $TestLabel").AssertNoErrors();

        Assert.Equal(new[] { "first" }, RunIn(tag, "cat /stage"));
    }

    [Fact]
    public async Task BuildImage_FailingRun_IsImageBuildFailedNamingTheStep_NoOutput_NothingLeft()
    {
        var marker = "psd-fail-" + Guid.NewGuid().ToString("N")[..8];
        var context = Write("fail/Dockerfile", From + $"RUN echo {marker} && exit 3\n");
        var tag = Repo("fail") + ":1";

        var result = _f.Run($"Build-Image '{context}' -Tag {tag} -Label $TestLabel -ForceRemove");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageBuildFailed,PSDocker.Commands.BuildImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal(context, error.TargetObject);
        Assert.True(error.Exception.Message.Contains($"Step 3/4 : RUN echo {marker} && exit 3", StringComparison.Ordinal), error.Exception.Message);
        Assert.Contains("returned a non-zero code: 3", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Contains(marker, result.Information);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(tag));
        Assert.Empty(await ContainersRunning(marker));
    }

    [Fact]
    public async Task BuildImage_Stopped_DuringASlowStep_EndsWithinASecond_NothingLeft()
    {
        var marker = "psd-slow-" + Guid.NewGuid().ToString("N")[..8];
        var context = Write("slow/Dockerfile", From + $"RUN echo {marker} && sleep 30\n");
        var tag = Repo("slow") + ":1";

        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript($"Build-Image '{context}' -Tag {tag} -NoCache -Label $TestLabel");
        var running = ps.BeginInvoke();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !ps.Streams.Information.Any(i => i.MessageData?.ToString() == marker))
        {
            Thread.Sleep(10);
        }

        Assert.True(ps.Streams.Information.Any(i => i.MessageData?.ToString() == marker), "the slow step never started");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(1), $"stopping took {stopping.Elapsed}");
        Assert.True(running.IsCompleted);

        // The engine drops the step's container once the request is gone.
        var gone = System.Diagnostics.Stopwatch.StartNew();
        while ((await ContainersRunning(marker)).Count > 0 && gone.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200);
        }

        Assert.Empty(await ContainersRunning(marker));
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(tag));
    }

    [Fact]
    public async Task BuildImage_WhatIf_BuildsNothing()
    {
        var context = Write("whatif/Dockerfile", From);
        var tag = Repo("whatif") + ":1";

        var result = _f.Run($"Build-Image '{context}' -Tag {tag} -Label $TestLabel -WhatIf").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Empty(result.Information);
        await Assert.ThrowsAsync<DockerImageNotFoundException>(() => _f.Docker.Images.InspectImageAsync(tag));
    }

    [Fact]
    public void BuildImage_MissingContext_IsContextNotFound_NamingThePathAsGiven()
    {
        var result = _f.Run("Build-Image ./no-such-context-folder -Tag x:1");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ContextNotFound,PSDocker.Commands.BuildImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("./no-such-context-folder", error.TargetObject);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void BuildImage_MissingDockerfile_IsDockerfileNotFound_NamingItAsGiven()
    {
        var context = Write("nodockerfile/a.txt", "a");

        var result = _f.Run($"Build-Image '{context}' -Dockerfile no.Dockerfile");

        var error = Assert.Single(result.Errors);
        Assert.Equal("DockerfileNotFound,PSDocker.Commands.BuildImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal("no.Dockerfile", error.TargetObject);
    }

    /// <summary>Writes a file under the test folder; returns the folder it is in.</summary>
    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return Path.GetDirectoryName(path)!;
    }

    /// <summary>The output lines of a shell command in a container of the image, run straight through the engine.</summary>
    private string[] RunIn(string image, string script)
    {
        var result = _f.Run($"Invoke-Container -Image {image} -Command sh, -c, '{script.Replace("'", "''")}' -Remove -Label $TestLabel").AssertNoErrors();
        return result.Output.Select(o => o.BaseObject.ToString()!).ToArray();
    }

    private async Task<IList<ContainerListResponse>> ContainersRunning(string marker) =>
        (await _f.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }))
            .Where(c => c.Command?.Contains(marker, StringComparison.Ordinal) == true)
            .ToList();
}
