using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Rename-Container (docker rename) against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class RenameContainerTests
{
    private readonly EngineFixture _f;

    public RenameContainerTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void RenameContainer_Renames_PassThruEmitsTheRenamedContainer()
    {
        var name = _f.UniqueName("rename");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);
        var newName = name + "-new";

        var renamed = Assert.Single(_f.Run($"Rename-Container {name} -NewName {newName} -PassThru").AssertNoErrors().Objects<Container>());

        Assert.Equal(newName, renamed.Name);
        Assert.Equal(id, renamed.Id);
        Assert.Equal("/" + newName, _f.Inspect(id)!.Name);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void RenameContainer_PipedObject_IsRenamed()
    {
        var name = _f.UniqueName("renamepiped");
        var id = _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        _f.Run($"Get-Container {name} | Rename-Container -NewName {name}-piped").AssertNoErrors();

        Assert.Equal("/" + name + "-piped", _f.Inspect(id)!.Name);
    }

    [Fact]
    public void RenameContainer_SeveralTargets_IsRejected_AndNothingIsRenamed()
    {
        var a = _f.UniqueName("renamemany");
        var b = _f.UniqueName("renamemany");
        _f.CreateContainer(a, TestCommands.ExitsWith(0), start: false);
        _f.CreateContainer(b, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"try {{ '{a}', '{b}' | Rename-Container -NewName {a}-x; 'not reached' }} catch {{ $_ }}");

        var error = Terminating(result, "MultipleContainers", "RenameContainerCommand", ErrorCategory.InvalidArgument);
        Assert.Contains(a, error.Exception.Message);
        Assert.Contains(b, error.Exception.Message);
        Assert.NotNull(_f.Inspect(a));
        Assert.NotNull(_f.Inspect(b));
        Assert.Null(_f.Inspect(a + "-x"));
    }

    [Fact]
    public void RenameContainer_NameInUse_WritesContainerNameInUse()
    {
        var a = _f.UniqueName("renameinuse");
        var b = _f.UniqueName("renameinuse");
        var aId = _f.CreateContainer(a, TestCommands.ExitsWith(0), start: false);
        _f.CreateContainer(b, TestCommands.ExitsWith(0), start: false);

        var result = _f.Run($"Rename-Container {a} -NewName {b}");

        SingleError(result, "ContainerNameInUse", "RenameContainerCommand", ErrorCategory.ResourceExists, a);
        Assert.Equal("/" + a, _f.Inspect(aId)!.Name);
    }

    [Fact]
    public void RenameContainer_WhatIf_ChangesNothing()
    {
        var name = _f.UniqueName("renamewhatif");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        _f.Run($"Rename-Container {name} -NewName {name}-x -WhatIf").AssertNoErrors();

        Assert.NotNull(_f.Inspect(name));
        Assert.Null(_f.Inspect(name + "-x"));
    }
}
