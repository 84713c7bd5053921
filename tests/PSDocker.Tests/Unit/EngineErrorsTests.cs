using System.Management.Automation;
using System.Net;
using Docker.DotNet;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class EngineErrorsTests
{
    private static readonly EngineEndpoint Endpoint = new EngineEndpoint(new Uri("unix:///var/run/docker.sock"), null, null);

    [Fact]
    public void Translate_RefusalsOfAnotherNoun_FallBackToThatNounsIds()
    {
        var api = new DockerApiException(HttpStatusCode.NotFound, "{\"message\":\"not here\"}");
        Assert.Equal("ImageNotFound", Assert.IsType<EngineException>(EngineErrors.Translate(api, ImageService.Refusals, Endpoint)).ErrorId);
        Assert.Equal("NetworkNotFound", Assert.IsType<EngineException>(EngineErrors.Translate(api, NetworkService.Refusals, Endpoint)).ErrorId);
    }

    [Fact]
    public void Translate_UnreachableAndNonJson_AreNamed_CancellationPassesThrough()
    {
        var unreachable = EngineErrors.Translate(new HttpRequestException("boom", new System.Net.Sockets.SocketException(111)), ContainerService.Refusals, Endpoint);
        Assert.Equal("EngineUnreachable", Assert.IsType<EngineUnreachableException>(unreachable).ErrorId);

        var garbage = EngineErrors.Translate(new System.Text.Json.JsonException("'<' is an invalid start of a value."), ContainerService.Refusals, Endpoint);
        Assert.Equal("EngineResponseInvalid", Assert.IsType<EngineException>(garbage).ErrorId);

        var cancelled = new OperationCanceledException();
        Assert.Same(cancelled, EngineErrors.Translate(cancelled, ContainerService.Refusals, Endpoint));

        var other = EngineErrors.Translate(new InvalidOperationException("odd"), ContainerService.Refusals, Endpoint);
        Assert.Equal("ContainerOperationFailed", Assert.IsType<EngineException>(other).ErrorId);
    }

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
    [InlineData(HttpStatusCode.NotFound, "No such image: nosuch:latest", "ImageNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "network nosuch not found", "NetworkNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "No such container: web", "ContainerNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "No such container: network-web", "ContainerNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.Conflict, "some other conflict", "ContainerConflict", ErrorCategory.ResourceBusy)]
    [InlineData(HttpStatusCode.BadRequest, "Invalid signal: FOO", "InvalidArgument", ErrorCategory.InvalidArgument)]
    [InlineData(HttpStatusCode.InternalServerError, "something broke", "EngineError", ErrorCategory.NotSpecified)]
    public void ToErrorRecord_NamesTheRefusal_WithTheEngineMessage(HttpStatusCode status, string message, string errorId, ErrorCategory category)
    {
        var api = new DockerApiException(status, "{\"message\":\"" + message + "\"}");
        var error = Assert.IsType<EngineException>(EngineErrors.Translate(api, ContainerService.Refusals, Endpoint));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(category, error.Category);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(EngineErrors.EngineMessage(api), error.Message);
    }

    [Fact]
    public void EngineMessage_ReadsTheJsonMessage_OrTheRawBody()
    {
        Assert.Equal("No such container: web.", EngineErrors.EngineMessage(new DockerApiException(HttpStatusCode.NotFound, "{\"message\":\"no such container: web\"}")));
        Assert.Equal("Plain text.", EngineErrors.EngineMessage(new DockerApiException(HttpStatusCode.InternalServerError, "plain text")));
    }
}
