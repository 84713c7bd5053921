using System.Collections;
using System.Collections.Generic;

namespace PSDocker.Commands
{
    /// <summary>Completes -Driver of New-ContainerNetwork with the drivers the engine ships.</summary>
    public sealed class NetworkDriverCompleter : FixedValueCompleter
    {
        private static readonly string[] Drivers = { "bridge", "overlay", "macvlan", "ipvlan" };

        /// <inheritdoc />
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => Drivers;
    }
}
