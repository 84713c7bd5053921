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

                    throw NotATime(text);
                case TimeSpan ago:
                    try
                    {
                        return DateTime.Now - ago;
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        throw NotATime(ago.ToString());
                    }

                case int or long or float or double or decimal:
                    var number = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    try
                    {
                        var seconds = Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                        if (TimestampParser.TryParse(seconds, DateTime.Now, out var unix))
                        {
                            return unix;
                        }
                    }
                    catch (OverflowException)
                    {
                        // Beyond decimal: no time at all.
                    }

                    throw NotATime(number);
                default:
                    return inputData;
            }
        }

        private static ArgumentTransformationMetadataException NotATime(string text)
        {
            var e = new InvalidSpecException(
                "Time",
                text,
                $"'{text}' is not a time PSDocker can use: give a DateTime, a duration ago ('10m', '1h30m'), Unix seconds between 1970 and 9999 ('1700000000') or a date ('2024-05-01T10:00:00Z').");
            return new ArgumentTransformationMetadataException(e.Message, e);
        }
    }
}
