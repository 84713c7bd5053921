using System.Diagnostics;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Removal does not ask unless asked to (a runbook must not stop on a prompt), prunes ask unless -Force;
/// -ThrottleLimit and -Timeout change what the engine sees (coarse time bounds that prove behaviour).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ConfirmationAndThrottleTests
{
    private readonly EngineFixture _f;

    public ConfirmationAndThrottleTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void RemoveContainer_InAHostThatCannotPrompt_RemovesWithoutAsking()
    {
        var scope = CaseScope.New();
        var names = new[] { _f.UniqueName("noprompt"), _f.UniqueName("noprompt") };
        foreach (var name in names)
        {
            _f.CreateContainer(name, TestCommands.ExitsWith(0), extraLabels: scope.Labels);
            _f.WaitForExit(name);
        }

        // The test runspace has no interactive host: a ConfirmImpact High removal would fail here.
        _f.Run($"Get-Container -Label '{scope.Filter}' -Status Exited | Remove-Container -Force -Volume").AssertNoErrors();

        Assert.All(names, n => Assert.Null(_f.Inspect(n)));
    }

    [Fact]
    public void RemoveContainerPrune_WithoutForce_AsksFirst_SoAHostThatCannotPromptPrunesNothing()
    {
        var scope = CaseScope.New();
        var name = _f.UniqueName("pruneask");
        _f.CreateContainer(name, TestCommands.ExitsWith(0), extraLabels: scope.Labels);
        _f.WaitForExit(name);
        var id = _f.Inspect(name)!.ID;

        var asked = _f.Run($"Remove-Container -Prune -Label '{scope.Filter}'");
        var refusal = asked.Terminating?.ErrorRecord ?? Assert.Single(asked.Errors);
        Assert.StartsWith("ConfirmationRequired", refusal.FullyQualifiedErrorId);
        Assert.Contains("-Force", refusal.Exception.Message);
        Assert.NotNull(_f.Inspect(name));

        var forced = _f.Run($"Remove-Container -Prune -Force -Label '{scope.Filter}'").AssertNoErrors();
        Assert.Contains(id, Assert.Single(forced.Objects<PruneResult>()).Deleted);
        Assert.Null(_f.Inspect(name));
    }

    [Fact]
    public void StopContainer_Timeout_EndsAStubbornContainerLongBeforeTheDefaultTenSeconds()
    {
        var name = _f.UniqueName("stubborn");
        _f.CreateContainer(name, TestCommands.Stubborn);

        var clock = Stopwatch.StartNew();
        _f.Run($"Stop-Container {name} -Timeout 1").AssertNoErrors();
        clock.Stop();

        Assert.False(_f.StateOf(name).Running);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(7), $"a 1 s stop timeout took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void StopContainer_ThrottleLimit_BoundsTheCallsInFlight(int limit)
    {
        // Each stubborn container takes its whole 2 s timeout to stop: one call at a time takes 3 × 2 s,
        // all at once about 2 s.
        var scope = CaseScope.New();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            _f.CreateContainer(_f.UniqueName("throttle"), TestCommands.Stubborn, extraLabels: scope.Labels);
        }

        var clock = Stopwatch.StartNew();
        _f.Run($"Get-Container -Label '{scope.Filter}' | Stop-Container -Timeout 2 -ThrottleLimit {limit}").AssertNoErrors();
        clock.Stop();

        if (limit == 1)
        {
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(5.5), $"three 2 s stops one at a time took only {clock.Elapsed}: more than one was in flight");
        }
        else
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5.5), $"three 2 s stops with a limit of 50 took {clock.Elapsed}: they did not run together");
        }
    }
}
