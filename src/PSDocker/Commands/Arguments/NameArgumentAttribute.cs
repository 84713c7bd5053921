using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// Keeps <c>-Name</c>/<c>-Id</c> to names: strings (and numbers, for id prefixes) bind; any other
    /// object is refused. Without it PowerShell would bind a piped object through its text — a log line
    /// would become a container name, and the wrong container would be removed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class NameArgumentAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value is null || value is string)
            {
                return value;
            }

            if (value is IEnumerable items)
            {
                var names = new List<string?>();
                foreach (var item in items)
                {
                    names.Add(AsName(Unwrap(item)));
                }

                return names.ToArray();
            }

            return AsName(value);
        }

        private static string? AsName(object? value) => value switch
        {
            null => null,
            string s => s,
            int or long or uint or ulong or short or ushort or byte => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentTransformationMetadataException(
                $"A {value.GetType().Name} is not a name or id. Pipe objects that know their resource (from Get-Container, New-Container, Get-ContainerLog, Wait-Container, …), or names as strings."),
        };

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
