using PSDocker.EngineAccess;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class GetContainerTests
{
    private readonly EngineFixture _f;

    public GetContainerTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void GetContainer_ListsRunningAndStopped_WithEngineAndTypedState()
    {
        var running = _f.UniqueName("run");
        var created = _f.UniqueName("created");
        _f.CreateContainer(running, new[] { "sleep", "300" });
        _f.CreateContainer(created, new[] { "true" }, start: false);

        var all = _f.Run("Get-Container -Label $TestLabelFilter").AssertNoErrors().Objects<Container>();
        Assert.Contains(all, c => c.Name == running && c.State == ContainerState.Running);
        Assert.Contains(all, c => c.Name == created && c.State == ContainerState.Created);
        // The engine under test: ./test.sh may have started a private one and pointed DOCKER_HOST at it.
        Assert.All(all, c => Assert.Equal(EngineFixture.EngineHost, c.Engine.Uri.ToString().TrimEnd('/')));

        var onlyRunning = _f.Run("Get-Container -Label $TestLabelFilter -Status Running").AssertNoErrors().Objects<Container>();
        Assert.Contains(onlyRunning, c => c.Name == running);
        Assert.DoesNotContain(onlyRunning, c => c.Name == created);
    }

    [Fact]
    public void ContainerCompletion_WithAPrefix_AsksTheEngineForThoseNamesOnly_IgnoringCase()
    {
        var stem = _f.UniqueName("complete");
        foreach (var suffix in new[] { "Alpha.x", "alphaz", "beta" })
        {
            _f.CreateContainer($"{stem}-{suffix}", new[] { "true" }, start: false);
        }

        var engine = EngineConnection.For(EndpointResolver.ForCurrentProcess().FromHost(EngineFixture.EngineHost));
        string[] Candidates(string prefix) => ContainerKind.Instance.CompletionNamesAsync(engine, prefix, CancellationToken.None)
            .GetAwaiter().GetResult().Select(n => n.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        // The engine's answer holds the matching containers and no other: the engine filtered, ignoring case.
        Assert.Equal(new[] { $"{stem}-Alpha.x", $"{stem}-alphaz" }, Candidates($"{stem}-ALPHA"));
        // A dot is a dot, not any character.
        Assert.Equal(new[] { $"{stem}-Alpha.x" }, Candidates($"{stem}-alpha."));
        // Nothing typed: every container.
        Assert.Contains($"{stem}-beta", Candidates(string.Empty));

        // What the console offers for the same prefix.
        var line = $"Stop-Container {stem}-al";
        var offered = _f.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors().Output.Select(o => o.BaseObject);
        Assert.Equal(new object[] { $"{stem}-Alpha.x", $"{stem}-alphaz" }, offered);
    }

    [Fact]
    public void GetContainer_UnknownName_WritesObjectNotFound_AndGoesOn()
    {
        var name = _f.UniqueName("known");
        _f.CreateContainer(name, new[] { "true" }, start: false);

        var result = _f.Run($"Get-Container -Name nosuch-{_f.RunId}, {name}");
        Assert.Single(result.Objects<Container>(), c => c.Name == name);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ContainerNotFound,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal($"nosuch-{_f.RunId}", error.TargetObject);
    }

    [Fact]
    public void GetContainer_UnreachableEngine_IsOneTerminatingErrorNamingTheEndpoint()
    {
        // A statement-terminating error: exactly one record, from the catch block, naming the endpoint.
        var result = _f.Run("try { Get-Container -DockerHost unix:///nonexistent/docker.sock; 'not reached' } catch { $_ }");
        var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("EngineUnreachable,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("unix:///nonexistent/docker.sock", error.Exception.Message);
    }

    [Fact]
    public void GetContainer_PlainString_IsAnExactNameBeforeAnIdPrefix_LikeTheEngine()
    {
        var target = _f.UniqueName("prefix");
        var id = _f.CreateContainer(target, new[] { "true" }, start: false);
        // A second container named like the first one's id prefix: asking for that string means it, not the first.
        var prefixName = id[..6];
        _f.CreateContainer(prefixName, new[] { "true" }, start: false);

        var byName = _f.Run($"Get-Container {prefixName}").AssertNoErrors().Objects<Container>();
        Assert.Equal(prefixName, Assert.Single(byName).Name);

        var byPrefix = _f.Run($"Get-Container {id[..12]}").AssertNoErrors().Objects<Container>();
        Assert.Equal(target, Assert.Single(byPrefix).Name);
    }

    [Fact]
    public void GetContainer_StatusUnknown_IsAnInvalidArgument()
    {
        var result = _f.Run("try { Get-Container -Status Unknown; 'not reached' } catch { $_ }");
        var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("InvalidStatus,PSDocker.Commands.GetContainerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }
}
