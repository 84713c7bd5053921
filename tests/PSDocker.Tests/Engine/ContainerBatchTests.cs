using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// How the container action cmdlets take their input: the issue's pipelines, batches (errors in the
/// middle, input order under a throttle), binding of strings and Id properties, and piped objects acting
/// on their own engine.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ContainerBatchTests
{
    private readonly EngineFixture _f;

    public ContainerBatchTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void GetRunning_PipedToStopContainer_StopsExactlyTheRunningOnes()
    {
        var scope = CaseScope.New();
        var running = new[] { _f.UniqueName("piperun"), _f.UniqueName("piperun"), _f.UniqueName("piperun") };
        var created = _f.UniqueName("pipecreated");
        foreach (var name in running)
        {
            _f.CreateContainer(name, TestCommands.Responsive, extraLabels: scope.Labels);
        }

        _f.CreateContainer(created, TestCommands.Responsive, start: false, extraLabels: scope.Labels);

        var stopped = _f.Run($"Get-Container -Label $TestLabelFilter, '{scope.Filter}' -Status Running | Stop-Container -PassThru").AssertNoErrors().Objects<Container>();

        Assert.Equal(running.OrderBy(n => n), stopped.Select(c => c.Name).OrderBy(n => n));
        Assert.All(running, name => Assert.False(_f.StateOf(name).Running));
        Assert.Equal("created", _f.StateOf(created).Status);
    }

    [Fact]
    public void GetAll_PipedToStopContainerForce_KillsRunningOnes_AndStoppedOnesAreNoError()
    {
        var scope = CaseScope.New();
        var stubborn = _f.UniqueName("pipekill");
        var exited = _f.UniqueName("pipekillexited");
        var created = _f.UniqueName("pipekillcreated");
        _f.CreateContainer(stubborn, TestCommands.Stubborn, extraLabels: scope.Labels);
        _f.CreateContainer(exited, TestCommands.ExitsWith(0), extraLabels: scope.Labels);
        _f.WaitForExit(exited);
        _f.CreateContainer(created, TestCommands.ExitsWith(0), start: false, extraLabels: scope.Labels);

        _f.Run($"Get-Container -Label $TestLabelFilter, '{scope.Filter}' | Stop-Container -Force").AssertNoErrors();

        var state = _f.StateOf(stubborn);
        Assert.False(state.Running);
        Assert.Equal(137, state.ExitCode);
    }

    [Fact]
    public void StopContainer_UnknownContainerInTheMiddle_OneObjectNotFound_TheOthersAreStopped()
    {
        var a = _f.UniqueName("batcha");
        var b = _f.UniqueName("batchb");
        _f.CreateContainer(a, TestCommands.Responsive);
        _f.CreateContainer(b, TestCommands.Responsive);
        var missing = "nosuch-" + _f.RunId;

        var result = _f.Run($"Stop-Container {a}, {missing}, {b} -PassThru");

        Assert.Equal(new[] { a, b }, result.Objects<Container>().Select(c => c.Name));
        var error = SingleError(result, "ContainerNotFound", "StopContainerCommand", ErrorCategory.ObjectNotFound, missing);
        Assert.Contains(missing, error.Exception.Message);
        Assert.False(_f.StateOf(a).Running);
        Assert.False(_f.StateOf(b).Running);
    }

    [Fact]
    public void Batch_Of20_WithThrottleLimit4_WritesResultsInInputOrder()
    {
        var names = Enumerable.Range(0, 20).Select(i => _f.UniqueName("order" + i)).ToList();
        foreach (var name in names)
        {
            _f.CreateContainer(name, TestCommands.Responsive, start: false);
        }

        var shuffled = names.OrderBy(_ => Random.Shared.Next()).ToList();
        var list = string.Join(", ", shuffled.Select(n => "'" + n + "'"));

        var started = _f.Run($"{list} | Start-Container -ThrottleLimit 4 -PassThru").AssertNoErrors().Objects<Container>();
        Assert.Equal(shuffled, started.Select(c => c.Name));
        Assert.All(names, name => Assert.True(_f.StateOf(name).Running));

        var details = _f.Run($"Get-ContainerDetail {list} -ThrottleLimit 4").AssertNoErrors().Objects<ContainerDetail>();
        Assert.Equal(shuffled, details.Select(d => d.Name));

        var stopped = _f.Run($"Stop-Container {list} -ThrottleLimit 4 -PassThru").AssertNoErrors().Objects<Container>();
        Assert.Equal(shuffled, stopped.Select(c => c.Name));
        Assert.All(names, name => Assert.False(_f.StateOf(name).Running));
    }

    [Fact]
    public void PipedStrings_BindAsNameOrId_AndObjectsWithAnId_BindById()
    {
        var byName = _f.UniqueName("bindname");
        var byIdPrefix = _f.UniqueName("bindprefix");
        var byIdProperty = _f.UniqueName("bindprop");
        _f.CreateContainer(byName, TestCommands.Responsive, start: false);
        var prefixId = _f.CreateContainer(byIdPrefix, TestCommands.Responsive, start: false);
        var propId = _f.CreateContainer(byIdProperty, TestCommands.Responsive, start: false);

        var started = _f.Run($"'{byName}', '{prefixId[..12]}' | Start-Container -PassThru").AssertNoErrors().Objects<Container>();
        Assert.Equal(new[] { byName, byIdPrefix }, started.Select(c => c.Name));

        var byId = _f.Run($"[pscustomobject]@{{ Id = '{propId}' }} | Start-Container -PassThru").AssertNoErrors().Objects<Container>();
        Assert.Equal(byIdProperty, Assert.Single(byId).Name);
        Assert.All(new[] { byName, byIdPrefix, byIdProperty }, name => Assert.True(_f.StateOf(name).Running));
    }

    [Fact]
    public void PipedContainers_AreActedOnAtTheirOwnEngine_NotTheDefault()
    {
        var name = _f.UniqueName("ownengine");
        _f.CreateContainer(name, TestCommands.Responsive);

        var result = _f.Run($@"
            $c = Get-Container {name} -DockerHost {EngineFixture.EngineHost}
            $saved = $env:DOCKER_HOST
            $env:DOCKER_HOST = 'unix:///nonexistent.sock'
            try {{
                try {{ Stop-Container {name}; 'not reached' }} catch {{ $_ }}
                $c | Stop-Container -PassThru
            }}
            finally {{ $env:DOCKER_HOST = $saved }}");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var unreachable = Assert.IsType<ErrorRecord>(result.Output[0].BaseObject);
        Assert.Equal("EngineUnreachable,PSDocker.Commands.StopContainerCommand", unreachable.FullyQualifiedErrorId);
        Assert.Contains("unix:///nonexistent.sock", unreachable.Exception.Message);
        var stopped = Assert.IsType<Container>(Assert.Single(result.Output.Skip(1)).BaseObject);
        Assert.Equal(ContainerState.Exited, stopped.State);
        Assert.False(_f.StateOf(name).Running);
    }
}
