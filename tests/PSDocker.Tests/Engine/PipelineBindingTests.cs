using System.Management.Automation;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// What binds from the pipeline: objects that know their container act on that container; any other
/// object is refused, never read as a name through its text; empty or null names list nothing.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PipelineBindingTests
{
    private readonly EngineFixture _f;

    public PipelineBindingTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void LogEntriesPipedToRemove_RemoveTheContainerThatLogged_NeverTheOneNamedLikeTheMessage()
    {
        var victim = _f.UniqueName("victim");
        var logger = _f.UniqueName("logger");
        _f.CreateContainer(victim, TestCommands.Responsive);
        _f.CreateContainer(logger, new[] { "sh", "-c", $"echo {victim}; sleep 600" });
        _f.WaitForLog(logger, victim);

        var result = _f.Run($"Get-ContainerLog {logger} | Where-Object Message -like '*victim*' | Remove-Container -Force");

        result.AssertNoErrors();
        Assert.NotNull(_f.Inspect(victim));
        Assert.Null(_f.Inspect(logger));
    }

    [Fact]
    public void WaitResultsPipedToRemove_RemoveTheWaitedContainer()
    {
        var name = _f.UniqueName("waited");
        _f.CreateContainer(name, TestCommands.ExitsWith(3));

        _f.Run($"Wait-Container {name} | Remove-Container").AssertNoErrors();

        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void AnObjectThatDoesNotKnowAContainer_IsRefusedPerItem_AndNothingIsRemoved()
    {
        var name = _f.UniqueName("bystander");
        _f.CreateContainer(name, TestCommands.Responsive);

        // A StringBuilder whose text is the container's name: it is no container, and must not become one.
        var result = _f.Run($"[System.Text.StringBuilder]::new('{name}'), '{name}-nosuch' | Remove-Container -Force");

        Assert.Null(result.Terminating);
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("InputObjectNotBound", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.FullyQualifiedErrorId.StartsWith("ContainerNotFound", StringComparison.Ordinal));
        Assert.NotNull(_f.Inspect(name));
    }

    [Theory]
    [InlineData("''")]
    [InlineData("$null")]
    [InlineData("@()")]
    public void EmptyOrNullPipedToGetContainer_ListsNothing_SoNothingDownstreamIsTouched(string input)
    {
        var name = _f.UniqueName("untouched");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($"{input} | Get-Container");

        Assert.Empty(result.Output);
        if (input != "@()")
        {
            Assert.NotEmpty(result.Errors);
        }

        Assert.True(_f.StateOf(name).Running);
    }

    [Theory]
    [InlineData("Get-Image")]
    [InlineData("Get-ContainerNetwork")]
    public void EmptyPipedToTheOtherListings_ListsNothing(string command)
    {
        // The engine has images (the test image) and networks (bridge, host, none): none may come out.
        var result = _f.Run($"'' | {command}");

        Assert.Empty(result.Output);
        Assert.NotEmpty(result.Errors);
        Assert.NotEmpty(_f.Run(command).AssertNoErrors().Output);
    }

    [Fact]
    public void GetContainer_LabelAsHashtable_FiltersLikeTheFilterString()
    {
        var scope = CaseScope.New();
        var name = _f.UniqueName("labelled");
        _f.CreateContainer(name, TestCommands.Responsive, extraLabels: scope.Labels);
        _f.CreateContainer(_f.UniqueName("other"), TestCommands.Responsive);

        var byTable = _f.Run($"Get-Container -Label @{{ '{CaseScope.LabelKey}' = '{scope.Labels[CaseScope.LabelKey]}' }}").AssertNoErrors().Objects<Container>();
        var byString = _f.Run($"Get-Container -Label '{scope.Filter}'").AssertNoErrors().Objects<Container>();

        Assert.Equal(name, Assert.Single(byTable).Name);
        Assert.Equal(name, Assert.Single(byString).Name);
    }

    [Fact]
    public void GetContainer_LabelOfAShapeItCannotUse_IsAnError_NotAnEmptyResult()
    {
        var result = _f.Run("Get-Container -Label @{ a = @(1, 2) }");

        var error = result.Terminating?.ErrorRecord ?? Assert.Single(result.Errors);
        Assert.StartsWith("ParameterArgumentTransformationError", error.FullyQualifiedErrorId);
        Assert.Contains("-Label takes", error.Exception.InnerException?.Message ?? error.Exception.Message);
        Assert.Empty(result.Output);
    }
}
