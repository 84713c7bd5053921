using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects containers to a network (docker network connect).</para>
    /// <para type="description">Running and stopped containers can be connected; a container that is on
    /// the network already is a ContainerAlreadyConnected error. -Alias adds names the container answers
    /// to on that network, -IPAddress gives it a fixed address (the network needs a -Subnet of its
    /// own).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "ContainerNetwork", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class ConnectContainerNetworkCommand : NetworkAttachmentCmdlet
    {
        /// <summary>Other names the container answers to on this network (docker network connect --alias).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Alias { get; set; }

        /// <summary>A fixed IPv4 or IPv6 address for the container on this network (docker network connect --ip/--ip6).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("IP")]
        public string? IPAddress { get; set; }

        /// <inheritdoc />
        protected override string Action => "Connect to network '" + Network + "'";

        /// <inheritdoc />
        protected override Task AttachAsync(EngineConnection engine, string container, CancellationToken cancellation) =>
            engine.Networks.ConnectAsync(Network, container, Alias, IPAddress, cancellation);
    }
}
