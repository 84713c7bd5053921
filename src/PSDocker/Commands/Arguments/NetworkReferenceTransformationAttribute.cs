using System;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// Lets a <c>-Network</c> that names one network take a network object too (what Get-ContainerNetwork
    /// and New-ContainerNetwork emit): the object becomes its full id. Text passes as it is.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class NetworkReferenceTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            (inputData is PSObject ps ? ps.BaseObject : inputData) switch
            {
                INetworkReference network => network.ResourceId,
                var other => other,
            };
    }
}
