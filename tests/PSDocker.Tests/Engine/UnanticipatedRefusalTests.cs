using System.Management.Automation;
using PSDocker.Commands;
using PSDocker.Tests.Infrastructure;

namespace PSDocker.Tests.Engine;

/// <summary>A cmdlet whose engine call fails in a way it does not handle itself.</summary>
[Cmdlet("Test", "UnanticipatedRefusal")]
public sealed class TestUnanticipatedRefusalCommand : DockerCmdlet
{
    protected override void Process() =>
        Await(DefaultEngine.Containers.InspectAsync("psd-nosuch-unanticipated", CancellationToken));
}

[Collection(EngineCollection.Name)]
public sealed class UnanticipatedRefusalTests
{
    private readonly EngineFixture _f;

    public UnanticipatedRefusalTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public void AnEngineRefusalNoCmdletHandles_IsAPowerShellErrorWithAnErrorId_NotARawClientException()
    {
        var result = _f.Run($$"""
            Import-Module -Assembly ([{{typeof(TestUnanticipatedRefusalCommand).FullName}}].Assembly) -Force
            try { Test-UnanticipatedRefusal; 'not reached' } catch { $_ }
            """);

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("ContainerNotFound,PSDocker.Tests.Engine.TestUnanticipatedRefusalCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("No such container: psd-nosuch-unanticipated.", error.Exception.Message);
    }
}
