using System;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// A memory-plus-swap size (<c>docker update --memory-swap</c>): a size as
    /// <see cref="ByteSizeTransformationAttribute"/> takes it, or <c>-1</c> for unlimited swap.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SwapSizeTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly ByteSizeTransformationAttribute Sizes = new ByteSizeTransformationAttribute();

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text && text.Trim() == "-1")
            {
                return -1L;
            }

            return Sizes.Transform(engineIntrinsics, inputData);
        }
    }
}
