using System;
using System.Globalization;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Lets a time parameter take a DateTime, a relative docker duration (<c>'10m'</c>, <c>'1h30m'</c>:
    /// that long ago), Unix seconds or an RFC 3339 date, as <c>docker logs --since</c> does.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class LogTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            switch (value)
            {
                case string text:
                    if (TimestampParser.TryParse(text, DateTime.Now, out var time))
                    {
                        return time;
                    }

                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a time: give a DateTime, a duration ago ('10m', '1h30m'), Unix seconds or a date ('2024-05-01T10:00:00Z').");
                case TimeSpan ago:
                    return DateTime.Now - ago;
                case int or long or double or decimal:
                    TimestampParser.TryParse(Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), DateTime.Now, out var unix);
                    return unix;
                default:
                    return inputData;
            }
        }
    }
}
