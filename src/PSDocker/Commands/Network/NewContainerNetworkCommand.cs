using System;
using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a network (docker network create).</para>
    /// <para type="description">Creates a bridge network unless -Driver names another, and emits it.
    /// Containers on the same user-defined network reach each other by name. A name that is taken is a
    /// NetworkNameInUse error, as with docker network create.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerNetwork", SupportsShouldProcess = true)]
    [OutputType(typeof(ContainerNetwork))]
    public sealed class NewContainerNetworkCommand : DockerCmdlet
    {
        private NetworkCreateOptions? _options;

        /// <summary>The network's name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The network driver: bridge (default), overlay, macvlan, ipvlan or a plugin's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkDriverCompleter))]
        public string Driver { get; set; } = "bridge";

        /// <summary>Subnets in CIDR notation (<c>'10.10.0.0/24'</c>); default: one the engine picks.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Subnet { get; set; }

        /// <summary>Gateways, one for each -Subnet in order.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Gateway { get; set; }

        /// <summary>Ranges containers' addresses are taken from, one for each -Subnet in order (CIDR).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? IPRange { get; set; }

        /// <summary>Cut the network off from the outside: containers reach each other only (docker network create --internal).</summary>
        [Parameter]
        public SwitchParameter Internal { get; set; }

        /// <summary>Let standalone containers attach to a swarm (overlay) network.</summary>
        [Parameter]
        public SwitchParameter Attachable { get; set; }

        /// <summary>Enable IPv6 on the network.</summary>
        [Parameter]
        [Alias("EnableIPv6")]
        public SwitchParameter IPv6 { get; set; }

        /// <summary>Driver options: <c>@{ 'com.docker.network.bridge.name' = 'br-web' }</c> (docker network create -o).</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Option")]
        public Hashtable? DriverOption { get; set; }

        /// <summary>Labels to set: <c>@{ team = 'web' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Network";

        /// <inheritdoc />
        protected override void Begin()
        {
            // Validated once: a bad -Gateway/-IPRange combination stops before anything is created.
            _options = new NetworkCreateOptions
            {
                Driver = Driver,
                Subnet = Subnet,
                Gateway = Gateway,
                IPRange = IPRange,
                Internal = Internal,
                Attachable = Attachable,
                IPv6 = IPv6,
                Label = Label,
                DriverOption = DriverOption,
            };
            try
            {
                _options.Validate();
            }
            catch (ArgumentException e)
            {
                ThrowArgumentError(e.Message, "InvalidNetworkAddressing", Gateway ?? IPRange);
            }
        }

        /// <inheritdoc />
        protected override void Process()
        {
            _options!.Name = Name;
            foreach (var engine in TargetEngines)
            {
                if (!ShouldProcess("network '" + Name + "' (" + Driver + ")" + OnEngine(engine), "Create"))
                {
                    continue;
                }

                try
                {
                    WriteObject(Await(engine.Networks.CreateAsync(_options, CancellationToken)));
                }
                catch (EngineException e)
                {
                    Fail(e, Name);
                }
            }
        }
    }
}
