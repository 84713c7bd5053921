using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the ports containers publish on the host (docker port).</para>
    /// <para type="description">Emits one PortMapping per published binding, sorted like docker ps. With
    /// -PrivatePort only the bindings of that container port; a port that is not published is a
    /// PortNotPublished error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerPort", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(PortMapping))]
    public sealed class GetContainerPortCommand : ResourceActionCmdlet<Container, IContainerReference>
    {
        private int _port;
        private string _protocol = "tcp";

        /// <summary>Only this container port: <c>80</c> (tcp) or <c>80/udp</c>.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string? PrivatePort { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => null;

        /// <inheritdoc />
        protected override void Begin()
        {
            if (PrivatePort is not null)
            {
                var parts = PrivatePort.Split('/');
                var protocol = parts.Length > 1 ? parts[1].ToLowerInvariant() : "tcp";
                if (parts.Length > 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _port)
                    || _port > 65535
                    || protocol is not ("tcp" or "udp" or "sctp"))
                {
                    ThrowArgumentError($"'{PrivatePort}' is not a container port: use a number from 0 to 65535, optionally with /tcp, /udp or /sctp ('80/tcp').", "InvalidPort", PrivatePort);
                }

                _protocol = protocol;
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            var detail = await target.Engine.Containers.InspectAsync(target.Reference, cancellation).ConfigureAwait(false);
            var published = detail.Ports.Where(p => p.IsPublished);
            if (PrivatePort is null)
            {
                return published.ToArray();
            }

            var matching = published.Where(p => p.ContainerPort == _port && string.Equals(p.Protocol, _protocol, StringComparison.Ordinal)).ToArray();
            if (matching.Length == 0)
            {
                throw new EngineException(
                    $"Container '{target.DisplayName}' publishes no host port for {_port.ToString(CultureInfo.InvariantCulture)}/{_protocol}.",
                    "PortNotPublished",
                    ErrorCategory.ObjectNotFound);
            }

            return matching;
        }
    }
}
