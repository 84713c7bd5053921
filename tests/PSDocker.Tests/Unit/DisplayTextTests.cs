namespace PSDocker.Tests.Unit;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData(0.5, "Less than a second ago")]
    [InlineData(30, "30 seconds ago")]
    [InlineData(90, "About a minute ago")]
    [InlineData(600, "10 minutes ago")]
    [InlineData(3600, "About an hour ago")]
    [InlineData(3 * 3600, "3 hours ago")]
    [InlineData(3 * 86400, "3 days ago")]
    public void Ago_ReadsLikeTheDockerCli(double seconds, string expected)
    {
        var now = new DateTime(2026, 1, 1, 12, 0, 0);
        Assert.Equal(expected, DisplayText.Ago(now.AddSeconds(-seconds), now));
    }

    [Fact]
    public void PortMapping_PrintsLikeDockerPs()
    {
        Assert.Equal("127.0.0.1:8080->80/tcp", new PortMapping("127.0.0.1", 8080, 80, "tcp").ToString());
        Assert.Equal("0.0.0.0:53->53/udp", new PortMapping(null, 53, 53, "UDP").ToString());
        Assert.Equal("[::1]:81->80/tcp", new PortMapping("::1", 81, 80, "tcp").ToString());
        Assert.Equal("80/tcp", new PortMapping(null, null, 80, "tcp").ToString());
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1500, "1.5kB")]
    [InlineData(1_234_567, "1.23MB")]
    public void Size_UsesDecimalUnitsLikeTheCli(long bytes, string expected) =>
        Assert.Equal(expected, DisplayText.Size(bytes));

    [Theory]
    [InlineData("Up 2 minutes", ContainerState.Running, "Up 2 minutes")]
    [InlineData("Exited (0) 3 hours ago", ContainerState.Exited, "Exited (0) 3 hours ago")]
    [InlineData("", ContainerState.Created, "Created")]
    [InlineData("", ContainerState.Unknown, "")]
    public void Status_IsTheEnginesTextOrElseTheState(string status, ContainerState state, string expected) =>
        Assert.Equal(expected, DisplayText.Status(new Container { Status = status, State = state }));

    [Theory]
    [InlineData("busybox:latest", "busybox:latest")]
    [InlineData("sha256:ba7e5cac46cf0b3e2a4e28a0b3bb4d54d7e0ab39c6f5c7e6d9e3f1a2b4c5d6e7", "ba7e5cac46cf")]
    [InlineData(null, "")]
    public void Image_IsTheReference_OrTheShortIdOfABareId(string? image, string expected) =>
        Assert.Equal(expected, DisplayText.Image(image));
}
