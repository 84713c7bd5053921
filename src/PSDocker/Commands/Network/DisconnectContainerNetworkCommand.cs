using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Disconnects containers from a network (docker network disconnect).</para>
    /// <para type="description">A container that is not on the network is a ContainerNotConnected error.
    /// -Force disconnects even when the engine cannot reach the container's endpoint cleanly (docker
    /// network disconnect -f).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "ContainerNetwork", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Container))]
    public sealed class DisconnectContainerNetworkCommand : NetworkAttachmentCmdlet
    {
        /// <summary>Force the disconnection (docker network disconnect -f).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override string Action => "Disconnect from network '" + Network + "'";

        /// <inheritdoc />
        protected override Task AttachAsync(EngineConnection engine, string container, CancellationToken cancellation) =>
            engine.Networks.DisconnectAsync(Network, container, Force, cancellation);
    }
}
