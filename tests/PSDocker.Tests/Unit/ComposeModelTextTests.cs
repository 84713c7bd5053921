namespace PSDocker.Tests.Unit;

/// <summary>The compose model's parts read as compose writes them where PowerShell shows them as text (Format-List, "$x").</summary>
public sealed class ComposeModelTextTests
{
    [Fact]
    public void Parts_ReadAsComposeShortSyntax()
    {
        Assert.Equal("127.0.0.1:8080:80/tcp", new ComposePortConfig { Target = 80, Published = "8080", HostIp = "127.0.0.1" }.ToString());
        Assert.Equal("53/udp", new ComposePortConfig { Target = 53, Protocol = "udp", Publish = false }.ToString());
        Assert.Equal("data:/var/lib/data:ro", new ComposeMountConfig { Source = "data", Target = "/var/lib/data", ReadOnly = true }.ToString());
        Assert.Equal("/scratch", new ComposeMountConfig { Type = "tmpfs", Target = "/scratch" }.ToString());
        Assert.Equal("service_healthy", new ComposeDependencyConfig { Condition = "service_healthy" }.ToString());
        Assert.Equal("db,database", new ComposeServiceNetworkConfig { Aliases = new[] { "db", "database" } }.ToString());
        Assert.Equal("/src/app (web.Dockerfile) --target prod", new ComposeBuildConfig { Context = "/src/app", Dockerfile = "web.Dockerfile", Target = "prod" }.ToString());
        Assert.Equal("CMD-SHELL test -f /ready", new ComposeHealthcheckConfig { Test = new[] { "CMD-SHELL", "test -f /ready" } }.ToString());
        Assert.Equal("web", new ComposeServiceConfig { Name = "web" }.ToString());
    }
}
