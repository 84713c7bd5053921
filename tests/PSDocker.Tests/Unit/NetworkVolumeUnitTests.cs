using System.Collections;
using System.Management.Automation;
using System.Net;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The pure parts of the network and volume nouns: refusals, create options, kind resolution.</summary>
public sealed class NetworkVolumeUnitTests
{
    // Messages as engine 20.10 words them (probed with curl against API 1.41).
    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "error while removing network: network web id 817196e859b4 has active endpoints", "NetworkInUse", ErrorCategory.ResourceBusy)]
    [InlineData(HttpStatusCode.Forbidden, "bridge is a pre-defined network and cannot be removed", "NetworkPredefined", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Forbidden, "only one instance of \"host\" network is allowed", "NetworkPredefined", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.Conflict, "network with name web already exists", "NetworkNameInUse", ErrorCategory.ResourceExists)]
    [InlineData(HttpStatusCode.Forbidden, "endpoint with name c1 already exists in network web", "ContainerAlreadyConnected", ErrorCategory.ResourceExists)]
    [InlineData(HttpStatusCode.InternalServerError, "container 1827e51ae2a1 is not connected to network bridge", "ContainerNotConnected", ErrorCategory.InvalidOperation)]
    [InlineData(HttpStatusCode.InternalServerError, "Invalid subnet notasubnet : invalid CIDR address: notasubnet", "InvalidArgument", ErrorCategory.InvalidArgument)]
    [InlineData(HttpStatusCode.NotFound, "network nosuch not found", "NetworkNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "No such container: nosuch", "ContainerNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "plugin \"nosuchdriver\" not found", "NetworkDriverNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.BadRequest, "network web is ambiguous (2 matches found based on name)", "NetworkAmbiguous", ErrorCategory.InvalidArgument)]
    [InlineData(HttpStatusCode.NotFound, "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network", "NetworkAddressPoolExhausted", ErrorCategory.ResourceUnavailable)]
    [InlineData(HttpStatusCode.Forbidden, "Pool overlaps with other one on this address space", "NetworkSubnetOverlaps", ErrorCategory.ResourceExists)]
    public void NetworkRefusals_AreNamedByMessage(HttpStatusCode status, string message, string errorId, ErrorCategory category) =>
        Assert.Equal((errorId, category), NetworkService.Refusals.Classify(status, message));

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "remove data: volume is in use - [1827e51ae2a1]", "VolumeInUse", ErrorCategory.ResourceBusy)]
    [InlineData(HttpStatusCode.NotFound, "get nosuch: no such volume", "VolumeNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(HttpStatusCode.NotFound, "something else", "VolumeNotFound", ErrorCategory.ObjectNotFound)]
    public void VolumeRefusals_AreNamedByMessage(HttpStatusCode status, string message, string errorId, ErrorCategory category) =>
        Assert.Equal((errorId, category), VolumeService.Refusals.Classify(status, message));

    [Fact]
    public void NetworkCreateOptions_PairGatewaysAndRangesWithSubnetsInOrder()
    {
        var options = new NetworkCreateOptions
        {
            Name = "web",
            Subnet = new[] { "10.1.0.0/24", "10.2.0.0/24" },
            Gateway = new[] { "10.1.0.254" },
            IPRange = new[] { "10.1.0.128/25", "10.2.0.0/25" },
            Label = new Hashtable { ["team"] = "web" },
            Internal = true,
        };

        var p = options.ToParameters();

        Assert.Equal("bridge", p.Driver);
        Assert.True(p.Internal);
        Assert.Equal("web", p.Labels["team"]);
        Assert.Collection(
            p.IPAM!.Config,
            c => Assert.Equal(("10.1.0.0/24", "10.1.0.254", "10.1.0.128/25"), (c.Subnet, c.Gateway, c.IPRange)),
            c => Assert.Equal(("10.2.0.0/24", (string?)null, "10.2.0.0/25"), (c.Subnet, (string?)c.Gateway, c.IPRange)));
    }

    [Fact]
    public void NetworkCreateOptions_GatewayWithoutSubnet_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new NetworkCreateOptions { Name = "web", Gateway = new[] { "10.1.0.1" } }.ToParameters());

    [Fact]
    public void NetworkAlias_GoesToTheNamedNetwork_AndNeedsAUserDefinedOne()
    {
        var p = new ContainerCreateOptions { Image = "busybox", Network = "web", NetworkAlias = new[] { "db", "cache" } }.ToParameters(x => x);

        Assert.Equal("web", p.HostConfig!.NetworkMode);
        Assert.Equal(new[] { "db", "cache" }, p.NetworkingConfig!.EndpointsConfig["web"].Aliases);
        foreach (var network in new string?[] { null, "bridge", "host", "none" })
        {
            var e = Assert.Throws<InvalidSpecException>(() => new ContainerCreateOptions { Image = "busybox", Network = network, NetworkAlias = new[] { "db" } }.Validate());
            Assert.Equal("InvalidNetworkAlias", e.ErrorId);
        }
    }

    [Theory]
    [InlineData("Remove-ContainerNetwork", "Network")]
    [InlineData("Get-ContainerNetwork", "Network")]
    [InlineData("Connect-DockerContainerNetwork", "Network")]
    [InlineData("Get-ContainerVolume", "Volume")]
    [InlineData("Remove-DockerContainerVolume", "Volume")]
    [InlineData("Stop-Container", "Container")]
    [InlineData("Get-ContainerLog", "Container")]
    [InlineData("Get-DockerContainer", "Container")]
    public void ResourceKinds_ForCommand_PrefersTheNounTheCommandEndsWith(string command, string noun) =>
        Assert.Equal(noun, ResourceKinds.ForCommand(command)?.Noun);
}
