namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// An extra label for the containers of one test, so pipelines like <c>Get-Container … | Stop-Container</c>
/// and prunes touch that test's containers only.
/// </summary>
public sealed record CaseScope(Dictionary<string, string> Labels, string Filter)
{
    public const string LabelKey = "psdocker.case";

    public static CaseScope New()
    {
        var value = Guid.NewGuid().ToString("N")[..8];
        return new CaseScope(new Dictionary<string, string> { [LabelKey] = value }, LabelKey + "=" + value);
    }
}

/// <summary>Independent (Docker.DotNet) waits and checks for the engine tests.</summary>
public static class EngineFixtureChecks
{
    /// <summary>The container's state as the engine reports it; fails when the container does not exist.</summary>
    public static Docker.DotNet.Models.State StateOf(this EngineFixture fixture, string nameOrId) =>
        (fixture.Inspect(nameOrId) ?? throw new Xunit.Sdk.XunitException($"container {nameOrId} does not exist")).State!;

    /// <summary>Whether a volume exists.</summary>
    public static bool VolumeExists(this EngineFixture fixture, string name)
    {
        try
        {
            fixture.Docker.Volumes.InspectAsync(name).GetAwaiter().GetResult();
            return true;
        }
        catch (Docker.DotNet.DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Waits (up to 30 s) until the container's log has a line containing <paramref name="text"/>.</summary>
    public static void WaitForLog(this EngineFixture fixture, string nameOrId, string text) =>
        fixture.WaitForLogOn(fixture.Docker, nameOrId, text);

    /// <summary>Waits (up to 30 s) until the container's log on <paramref name="engine"/> has a line containing <paramref name="text"/>.</summary>
    public static void WaitForLogOn(this EngineFixture fixture, Docker.DotNet.IDockerClient engine, string nameOrId, string text)
    {
        for (var i = 0; i < 300; i++)
        {
            using var logs = engine.Containers.GetContainerLogsAsync(nameOrId, new Docker.DotNet.Models.ContainerLogsParameters { ShowStdout = true, ShowStderr = true }).GetAwaiter().GetResult();
            var (stdout, stderr) = logs.ReadOutputToEndAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (stdout.Contains(text, StringComparison.Ordinal) || stderr.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new Xunit.Sdk.XunitException($"container {nameOrId} never logged '{text}'");
    }

    /// <summary>Waits (up to 30 s) until the container is not running; returns its exit code.</summary>
    public static long WaitForExit(this EngineFixture fixture, string nameOrId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return fixture.Docker.Containers.WaitContainerAsync(nameOrId, timeout.Token).GetAwaiter().GetResult().StatusCode;
    }
}
