using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>Get-ContainerDetail (docker inspect) against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class GetContainerDetailTests
{
    private readonly EngineFixture _f;

    public GetContainerDetailTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void GetContainerDetail_EmitsDetails_WhoseStateMatchesTheEngine()
    {
        var name = _f.UniqueName("detail");
        var id = _f.CreateContainer(name, TestCommands.Responsive);
        var engine = _f.StateOf(name);

        var pid = Assert.Single(_f.Run($"Get-ContainerDetail {name} | ForEach-Object {{ $_.State.Pid }}").AssertNoErrors().Output).BaseObject;
        Assert.Equal(engine.Pid, Convert.ToInt64(pid));

        var detail = Assert.Single(_f.Run($"Get-ContainerDetail {name}").AssertNoErrors().Objects<ContainerDetail>());
        Assert.Equal(id, detail.Id);
        Assert.Equal(name, detail.Name);
        Assert.Equal(ContainerState.Running, detail.State.Status);
        Assert.Equal(_f.RunId, detail.Labels[EngineFixture.LabelKey]);
        Assert.Equal(EngineFixture.TestImage, detail.Image);
        Assert.Equal(EngineFixture.EngineHost, detail.Engine.Uri.ToString().TrimEnd('/'));
    }

    [Fact]
    public void GetContainerDetail_UnknownNameInTheMiddle_WritesContainerNotFound_AndGoesOn()
    {
        var a = _f.UniqueName("detaila");
        var b = _f.UniqueName("detailb");
        _f.CreateContainer(a, TestCommands.ExitsWith(0), start: false);
        _f.CreateContainer(b, TestCommands.ExitsWith(0), start: false);
        var missing = "nosuch-" + _f.RunId;

        var result = _f.Run($"Get-ContainerDetail {a}, {missing}, {b}");

        Assert.Equal(new[] { a, b }, result.Objects<ContainerDetail>().Select(d => d.Name));
        SingleError(result, "ContainerNotFound", "GetContainerDetailCommand", ErrorCategory.ObjectNotFound, missing);
    }

    [Fact]
    public void GetContainerDetail_OutputPipesIntoActions()
    {
        var name = _f.UniqueName("detailpipe");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), start: false);

        _f.Run($"Get-ContainerDetail {name} | Remove-Container -Confirm:$false").AssertNoErrors();

        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void GetContainerDetail_KeepsTheEnginesRecordsAsDictionaries_WithTheEnginesNames()
    {
        var name = _f.UniqueName("detailraw");
        _f.Run($"New-Container -Image {EngineFixture.TestImage} -Name {name} -Memory 64MB -Label @{{ '{EngineFixture.LabelKey}' = '{_f.RunId}' }} -Command true").AssertNoErrors();
        var engine = _f.Inspect(name)!;

        var output = _f.Run($"$d = Get-ContainerDetail {name}; $d.HostConfig.Memory; $d.hostconfig.memory; $d.NetworkSettings.Networks.Keys; $d.Config.Labels['{EngineFixture.LabelKey}']; $d.Raw.Id; (Get-Container -Name {name}).Raw.Labels['{EngineFixture.LabelKey}']")
            .AssertNoErrors().Output.Select(o => $"{o.BaseObject.GetType().Name}:{o.BaseObject}").ToList();

        Assert.Equal(new[] { "Int64:67108864", "Int64:67108864", "String:" + engine.NetworkSettings.Networks.Keys.Single(), "String:" + _f.RunId, "String:" + engine.ID, "String:" + _f.RunId }, output);
    }
}
