using System.Net;
using Docker.DotNet;
using PSDocker.Commands;

namespace PSDocker.Tests.Unit;

public sealed class NotRunExitCodeTests
{
    // The engine's start errors, as engine 20.10 words them; the codes are docker run's.
    [Theory]
    [InlineData("OCI runtime create failed: container_linux.go:380: starting container process caused: exec: \\\"nosuch\\\": executable file not found in $PATH: unknown", 127)]
    [InlineData("OCI runtime create failed: exec: \\\"/no/such\\\": stat /no/such: no such file or directory: unknown", 127)]
    [InlineData("OCI runtime create failed: exec: \\\"/etc/passwd\\\": permission denied: unknown", 126)]
    [InlineData("Container abc is not running", 125)]
    public void NotRunExitCode_FollowsDockerRun(string message, int expected) =>
        Assert.Equal(expected, ContainerCommandOutput.NotRunExitCode(new DockerApiException(HttpStatusCode.BadRequest, "{\"message\":\"" + message + "\"}")));

    [Fact]
    public void NotRunExitCode_WithoutACause_Is125() => Assert.Equal(125, ContainerCommandOutput.NotRunExitCode(null));
}
