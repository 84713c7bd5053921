using System.Management.Automation;
using Docker.DotNet;
using Docker.DotNet.Models;
using PSDocker.Tests.Infrastructure;
using static PSDocker.Tests.Infrastructure.PipelineChecks;

namespace PSDocker.Tests.Engine;

/// <summary>
/// The network cmdlets (docker network ls/inspect/create/rm/prune/connect/disconnect) and -Network /
/// -NetworkAlias of New-Container and Invoke-Container, against the real engine.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class NetworkTests
{
    private readonly EngineFixture _f;

    public NetworkTests(EngineFixture fixture) => _f = fixture;

    [Fact]
    public async Task NewContainerNetwork_CreatesLabelledNetworkWithSubnetGatewayAndRange_AndEmitsIt()
    {
        var name = _f.UniqueName("net");

        var result = _f.Run(
            $"New-ContainerNetwork {name} -Subnet 10.231.7.0/24 -Gateway 10.231.7.254 -IPRange 10.231.7.128/25 -Internal -Label ($TestLabel + @{{ tier = 'web' }})").AssertNoErrors();

        var emitted = Assert.Single(result.Objects<ContainerNetwork>());
        var network = await _f.Docker.Networks.InspectNetworkAsync(name);
        Assert.Equal(network.ID, emitted.Id);
        Assert.Equal(name, emitted.Name);
        Assert.Equal("bridge", network.Driver);
        Assert.True(network.Internal);
        Assert.Equal("web", network.Labels["tier"]);
        Assert.Equal(_f.RunId, network.Labels[EngineFixture.LabelKey]);
        var ipam = Assert.Single(network.IPAM.Config);
        Assert.Equal(("10.231.7.0/24", "10.231.7.254", "10.231.7.128/25"), (ipam.Subnet, ipam.Gateway, ipam.IPRange));
        Assert.Equal(new[] { "10.231.7.0/24" }, emitted.Subnets);
        Assert.Equal(new[] { "10.231.7.254" }, emitted.Gateways);
        Assert.True(emitted.Internal);
        Assert.Equal("local", emitted.Scope);
        Assert.InRange(emitted.Created, DateTime.Now.AddMinutes(-5), DateTime.Now.AddMinutes(1));
    }

    [Fact]
    public async Task NewContainerNetwork_NameTaken_WritesNetworkNameInUse_AndMakesNoDuplicate()
    {
        var name = _f.UniqueName("netdup");
        await CreateNetworkAsync(name);

        var result = _f.Run($"New-ContainerNetwork {name} -Label $TestLabel");

        SingleError(result, "NetworkNameInUse", "NewContainerNetworkCommand", ErrorCategory.ResourceExists, name);
        Assert.Single(await NetworksNamedAsync(name));
    }

    [Fact]
    public void NewContainerNetwork_SubnetTakenByAnotherNetwork_IsNetworkSubnetOverlaps_NotAPermissionProblem()
    {
        var first = _f.UniqueName("overlapa");
        var second = _f.UniqueName("overlapb");
        _f.Run($"New-ContainerNetwork {first} -Subnet 10.231.11.0/24 -Label $TestLabel").AssertNoErrors();

        var result = _f.Run($"New-ContainerNetwork {second} -Subnet 10.231.11.0/24 -Label $TestLabel");

        SingleError(result, "NetworkSubnetOverlaps", "NewContainerNetworkCommand", ErrorCategory.ResourceExists, second);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void NewContainerNetwork_MoreGatewaysThanSubnets_IsATerminatingErrorAndCreatesNothing()
    {
        var name = _f.UniqueName("netbad");

        var result = _f.Run($"try {{ New-ContainerNetwork {name} -Gateway 10.1.0.1 -Label $TestLabel }} catch {{ $_ }}");

        Terminating(result, "InvalidNetworkAddressing", "NewContainerNetworkCommand", ErrorCategory.InvalidArgument);
        Assert.Null(_f.InspectNetwork(name));
    }

    [Fact]
    public void NewContainerNetwork_WhatIf_CreatesNothing()
    {
        var name = _f.UniqueName("netwhatif");

        _f.Run($"New-ContainerNetwork {name} -Label $TestLabel -WhatIf").AssertNoErrors();

        Assert.Null(_f.InspectNetwork(name));
    }

    [Fact]
    public async Task GetContainerNetwork_ListsByLabelAndWildcard_WithTheAttachedContainers()
    {
        var scope = CaseScope.New();
        var busy = _f.UniqueName("netbusy");
        var idle = _f.UniqueName("netidle");
        await CreateNetworkAsync(busy, scope.Labels);
        await CreateNetworkAsync(idle, scope.Labels);
        var container = _f.UniqueName("netmember");
        var id = _f.CreateContainer(container, TestCommands.Responsive);
        await _f.Docker.Networks.ConnectNetworkAsync(busy, new NetworkConnectParameters { Container = id });

        var byLabel = _f.Run($"Get-ContainerNetwork -Label '{scope.Filter}'").AssertNoErrors().Objects<ContainerNetwork>();
        var byWildcard = _f.Run($"Get-ContainerNetwork 'psd-netbusy-{_f.RunId}-*'").AssertNoErrors().Objects<ContainerNetwork>();

        Assert.Equal(new[] { busy, idle }.OrderBy(n => n), byLabel.Select(n => n.Name).OrderBy(n => n));
        var listed = Assert.Single(byWildcard);
        Assert.Equal(busy, listed.Name);
        var member = Assert.Single(listed.Containers);
        Assert.Equal((id, container), (member.ContainerId, member.ContainerName));
        Assert.NotEmpty(member.IPv4Address);
        Assert.Empty(byLabel.Single(n => n.Name == idle).Containers);
    }

    [Fact]
    public async Task GetContainerNetwork_ByIdAndByDriver_FindsTheNetwork()
    {
        var name = _f.UniqueName("netid");
        var id = await CreateNetworkAsync(name);

        var byId = _f.Run($"Get-ContainerNetwork -Id {id[..12]}").AssertNoErrors().Objects<ContainerNetwork>();
        var byDriver = _f.Run($"Get-ContainerNetwork -Driver bridge -Label $TestLabelFilter").AssertNoErrors().Objects<ContainerNetwork>();
        var byOtherDriver = _f.Run($"Get-ContainerNetwork -Driver macvlan -Label $TestLabelFilter").AssertNoErrors().Objects<ContainerNetwork>();

        Assert.Equal(id, Assert.Single(byId).Id);
        Assert.Contains(byDriver, n => n.Id == id);
        Assert.DoesNotContain(byOtherDriver, n => n.Id == id);
    }

    [Fact]
    public void GetContainerNetwork_UnknownName_WritesNetworkNotFound()
    {
        var missing = _f.UniqueName("netmissing");

        var result = _f.Run($"Get-ContainerNetwork {missing}");

        SingleError(result, "NetworkNotFound", "GetContainerNetworkCommand", ErrorCategory.ObjectNotFound, missing);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task RemoveContainerNetwork_RemovesPipedNetworks_AndEmitsNothing()
    {
        var scope = CaseScope.New();
        var first = _f.UniqueName("netrm");
        var second = _f.UniqueName("netrm");
        await CreateNetworkAsync(first, scope.Labels);
        await CreateNetworkAsync(second, scope.Labels);

        var result = _f.Run($"Get-ContainerNetwork -Label '{scope.Filter}' | Remove-ContainerNetwork").AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Null(_f.InspectNetwork(first));
        Assert.Null(_f.InspectNetwork(second));
    }

    [Fact]
    public async Task RemoveContainerNetwork_InUse_WritesNetworkInUseAndKeepsIt_ButRemovesTheOther()
    {
        var busy = _f.UniqueName("netinuse");
        var idle = _f.UniqueName("netrmidle");
        await CreateNetworkAsync(busy);
        await CreateNetworkAsync(idle);
        var id = _f.CreateContainer(_f.UniqueName("netuser"), TestCommands.Responsive);
        await _f.Docker.Networks.ConnectNetworkAsync(busy, new NetworkConnectParameters { Container = id });

        var result = _f.Run($"Remove-ContainerNetwork {busy}, {idle}");

        var error = SingleError(result, "NetworkInUse", "RemoveContainerNetworkCommand", ErrorCategory.ResourceBusy, busy);
        Assert.Contains("active endpoints", error.Exception.Message);
        Assert.NotNull(_f.InspectNetwork(busy));
        Assert.Null(_f.InspectNetwork(idle));
    }

    [Fact]
    public void RemoveContainerNetwork_Unknown_WritesNetworkNotFound()
    {
        var missing = _f.UniqueName("netnone");

        var result = _f.Run($"Remove-ContainerNetwork {missing}");

        SingleError(result, "NetworkNotFound", "RemoveContainerNetworkCommand", ErrorCategory.ObjectNotFound, missing);
    }

    [Fact]
    public async Task RemoveContainerNetwork_Prune_RemovesUnusedNetworksOfTheLabelOnly()
    {
        var scope = CaseScope.New();
        var unused = _f.UniqueName("netprune");
        var used = _f.UniqueName("netpruneused");
        var outside = _f.UniqueName("netpruneout");
        var unusedId = await CreateNetworkAsync(unused, scope.Labels);
        await CreateNetworkAsync(used, scope.Labels);
        await CreateNetworkAsync(outside);
        var id = _f.CreateContainer(_f.UniqueName("netpruneuser"), TestCommands.Responsive);
        await _f.Docker.Networks.ConnectNetworkAsync(used, new NetworkConnectParameters { Container = id });

        var result = _f.Run($"Remove-ContainerNetwork -Prune -Label '{scope.Filter}' -Force").AssertNoErrors();

        var pruned = Assert.Single(result.Objects<PruneResult>());
        Assert.Equal("Network", pruned.ResourceType);
        Assert.Equal(new[] { unused }, pruned.Deleted);
        Assert.Null(_f.InspectNetwork(unusedId));
        Assert.NotNull(_f.InspectNetwork(used));
        Assert.NotNull(_f.InspectNetwork(outside));
    }

    [Fact]
    public void RemoveContainerNetwork_PruneWithUnknownFilter_IsATerminatingError()
    {
        var result = _f.Run("try { Remove-ContainerNetwork -Prune -Filter @{ dangling = 'true' } -Force } catch { $_ }");

        Terminating(result, "InvalidPruneFilter", "RemoveContainerNetworkCommand", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public async Task ConnectContainerNetwork_WithAliasAndAddress_ThenDisconnect_ChangesTheContainersNetworks()
    {
        var network = _f.UniqueName("netconn");
        await CreateNetworkAsync(network, subnet: "10.231.9.0/24");
        var name = _f.UniqueName("netconnc");
        _f.CreateContainer(name, TestCommands.Responsive);

        var connected = _f.Run($"Get-Container {name} | Connect-ContainerNetwork {network} -Alias db, cache -IPAddress 10.231.9.40 -PassThru").AssertNoErrors();

        Assert.Contains(network, Assert.Single(connected.Objects<Container>()).Networks);
        var endpoint = _f.Inspect(name)!.NetworkSettings!.Networks[network];
        Assert.Contains("db", endpoint.Aliases);
        Assert.Contains("cache", endpoint.Aliases);
        Assert.Equal("10.231.9.40", endpoint.IPAddress);

        _f.Run($"Disconnect-ContainerNetwork (Get-ContainerNetwork {network}) -Container {name}").AssertNoErrors();

        Assert.False(_f.Inspect(name)!.NetworkSettings!.Networks.ContainsKey(network));
    }

    [Fact]
    public async Task ConnectContainerNetwork_Errors_NameTheContainerAsGiven()
    {
        var network = _f.UniqueName("netconnerr");
        await CreateNetworkAsync(network);
        var name = _f.UniqueName("netconnerrc");
        _f.CreateContainer(name, TestCommands.Responsive);
        var missingContainer = _f.UniqueName("nocontainer");
        var missingNetwork = _f.UniqueName("nonetwork");

        var unknownNetwork = _f.Run($"Connect-ContainerNetwork {missingNetwork} {name}");
        var unknownContainer = _f.Run($"Connect-ContainerNetwork {network} {missingContainer}");
        var notConnected = _f.Run($"Disconnect-ContainerNetwork {network} {name}");
        _f.Run($"Connect-ContainerNetwork {network} {name}").AssertNoErrors();
        var twice = _f.Run($"Connect-ContainerNetwork {network} {name}");

        SingleError(unknownNetwork, "NetworkNotFound", "ConnectContainerNetworkCommand", ErrorCategory.ObjectNotFound, name);
        SingleError(unknownContainer, "ContainerNotFound", "ConnectContainerNetworkCommand", ErrorCategory.ObjectNotFound, missingContainer);
        SingleError(notConnected, "ContainerNotConnected", "DisconnectContainerNetworkCommand", ErrorCategory.InvalidOperation, name);
        SingleError(twice, "ContainerAlreadyConnected", "ConnectContainerNetworkCommand", ErrorCategory.ResourceExists, name);
    }

    [Fact]
    public async Task ContainersOnAUserNetwork_ReachEachOtherByNameAndAlias()
    {
        var network = _f.UniqueName("netdns");
        await CreateNetworkAsync(network);
        var server = _f.UniqueName("netsrv");
        const string serve = "mkdir -p /tmp/www && echo served-by-name > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www";
        const string fetch = "for i in $(seq 50); do timeout 3 wget -qO- http://$0:8080/index.html && exit 0; sleep 0.2; done; exit 1";

        _f.Run($"New-Container $TestImage -Name {server} -Network {network} -NetworkAlias web -Label $TestLabel -Command sh, -c, '{serve}' | Start-Container").AssertNoErrors();
        var byName = _f.Run($"Invoke-Container $TestImage -Network {network} -Remove -Label $TestLabel -Command sh, -c, '{fetch}', {server}").AssertNoErrors();
        var byAlias = _f.Run($"Invoke-Container $TestImage -Network {network} -Remove -Label $TestLabel -Command sh, -c, '{fetch}', web").AssertNoErrors();
        var onDefaultBridge = _f.Run($"Invoke-Container $TestImage -Remove -Label $TestLabel -Command ping, -c1, -W1, {server} 2>&1 | Out-Null; $LASTEXITCODE");

        Assert.Equal(new[] { "served-by-name" }, byName.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "served-by-name" }, byAlias.Output.Select(o => o.ToString()));
        Assert.NotEqual(0, Convert.ToInt32(onDefaultBridge.Output.Last().BaseObject));
        Assert.Contains("web", _f.Inspect(server)!.NetworkSettings!.Networks[network].Aliases);
    }

    [Fact]
    public void NetworkAlias_WithoutAUserNetwork_IsATerminatingErrorAndCreatesNothing()
    {
        var name = _f.UniqueName("netnoalias");

        var result = _f.Run($"try {{ New-Container $TestImage -Name {name} -NetworkAlias web -Label $TestLabel }} catch {{ $_ }}");

        Terminating(result, "InvalidNetworkAlias", "NewContainerCommand", ErrorCategory.InvalidArgument);
        Assert.Null(_f.Inspect(name));
    }

    private async Task<string> CreateNetworkAsync(string name, IDictionary<string, string>? extraLabels = null, string? subnet = null)
    {
        var labels = _f.Labels;
        foreach (var l in extraLabels ?? new Dictionary<string, string>())
        {
            labels[l.Key] = l.Value;
        }

        var parameters = new NetworksCreateParameters { Name = name, Driver = "bridge", Labels = labels };
        if (subnet is not null)
        {
            parameters.IPAM = new IPAM { Config = new List<IPAMConfig> { new() { Subnet = subnet } } };
        }

        return (await _f.Docker.Networks.CreateNetworkAsync(parameters)).ID;
    }

    private async Task<IList<NetworkResponse>> NetworksNamedAsync(string name) =>
        (await _f.Docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        })).Where(n => n.Name == name).ToList();
}

/// <summary>Removes the networks this run created (after its containers are gone).</summary>
public sealed class NetworkRunCleanup : IRunCleanup
{
    public int Order => 10;

    public void Remove(EngineFixture fixture)
    {
        var networks = fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [EngineFixture.LabelKey + "=" + fixture.RunId] = true } },
        }).GetAwaiter().GetResult();
        foreach (var network in networks)
        {
            try
            {
                fixture.Docker.Networks.DeleteNetworkAsync(network.ID).GetAwaiter().GetResult();
            }
            catch (DockerApiException)
            {
                // Gone already.
            }
        }
    }
}

/// <summary>Independent (Docker.DotNet) network checks.</summary>
public static class NetworkChecks
{
    /// <summary>Inspects a network; null when it does not exist.</summary>
    public static NetworkResponse? InspectNetwork(this EngineFixture fixture, string nameOrId)
    {
        try
        {
            return fixture.Docker.Networks.InspectNetworkAsync(nameOrId).GetAwaiter().GetResult();
        }
        catch (DockerNetworkNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
