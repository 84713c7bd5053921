using System.Management.Automation;
using System.Net;
using Docker.DotNet;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ContainerConflictsTests
{
    // Messages as engine 20.10 words them.
    [Theory]
    [InlineData(HttpStatusCode.Conflict, "You cannot remove a running container 0123abc. Stop the container before attempting removal or force remove", "ContainerRunning", ErrorCategory.ResourceBusy)]
    [InlineData(HttpStatusCode.Conflict, "You cannot remove a paused container 0123abc. Unpause and then stop the container before attempting removal or force remove", "ContainerPaused", ErrorCategory.ResourceBusy)]
    [InlineData(HttpStatusCode.Conflict, "Container 0123abc is not running", "ContainerNotRunning", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Conflict, "Cannot kill container: web: Container 0123abc is not running", "ContainerNotRunning", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Conflict, "Container 0123abc is already paused", "ContainerPaused", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.InternalServerError, "Container 0123abc is not paused", "ContainerNotPaused", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Conflict, "cannot start a paused container, try unpause instead", "ContainerPaused", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Conflict, "Error when allocating new name: Conflict. The container name \\\"/web\\\" is already in use by container \\\"0123abc\\\".", "ContainerNameInUse", ErrorCategory.ResourceExists)]
    [InlineData(HttpStatusCode.Conflict, "removal of container web is already in progress", "ContainerRemovalInProgress", ErrorCategory.ResourceBusy)]
    public void ToErrorRecord_StateRefusals_GetTheirOwnIdAndCategory_WithTheEngineMessage(HttpStatusCode status, string message, string errorId, ErrorCategory category)
    {
        var api = new DockerApiException(status, "{\"message\":\"" + message + "\"}");
        var record = ContainerConflicts.ToErrorRecord(api, "web");

        Assert.NotNull(record);
        Assert.Equal(errorId, record!.FullyQualifiedErrorId);
        Assert.Equal(category, record.CategoryInfo.Category);
        Assert.Equal("web", record.TargetObject);
        Assert.Equal(EngineErrors.EngineMessage(api), record.Exception.Message);
    }

    [Fact]
    public void ToErrorRecord_OtherFailures_AreLeftToTheGeneralMapping()
    {
        Assert.Null(ContainerConflicts.ToErrorRecord(new DockerApiException(HttpStatusCode.NotFound, "{\"message\":\"No such container: web is not running\"}"), "web"));
        Assert.Null(ContainerConflicts.ToErrorRecord(new DockerApiException(HttpStatusCode.BadRequest, "{\"message\":\"Invalid signal: FOO\"}"), "web"));
        Assert.Null(ContainerConflicts.ToErrorRecord(new InvalidOperationException("is not running"), "web"));
    }
}
