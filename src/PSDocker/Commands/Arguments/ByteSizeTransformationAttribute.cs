using System;
using System.Globalization;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Lets a byte-count parameter take PowerShell numbers (<c>512MB</c>) and docker sizes
    /// (<c>'512m'</c>, <c>'1g'</c>); anything else fails parameter binding naming the value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ByteSizeTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    try
                    {
                        return ByteSizeParser.Parse(text);
                    }
                    catch (InvalidSpecException e)
                    {
                        throw new ArgumentTransformationMetadataException(e.Message, e);
                    }

                case double or float or decimal:
                    try
                    {
                        return ByteSizeParser.FromNumber(Convert.ToDecimal(value, CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                    }
                    catch (OverflowException)
                    {
                        // Beyond decimal (1.5e30, NaN, infinity): too large for any byte count.
                        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                        var e = ByteSizeParser.TooLarge(text);
                        throw new ArgumentTransformationMetadataException(e.Message, e);
                    }
                    catch (InvalidSpecException e)
                    {
                        throw new ArgumentTransformationMetadataException(e.Message, e);
                    }

                default:
                    return inputData;
            }
        }
    }
}
