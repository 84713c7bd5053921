using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// Lets a filtering <c>-Label</c> take what a setting <c>-Label</c> takes: a hashtable
    /// (<c>@{ team = 'web' }</c> becomes <c>team=web</c>; a <c>$null</c> or empty value, just <c>team</c>),
    /// as well as docker's filter strings <c>key</c> and <c>key=value</c>. Anything else is an error,
    /// never an empty result.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class LabelFilterTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var filters = new List<string>();
            Add(filters, inputData);
            return filters.ToArray();
        }

        private static void Add(List<string> filters, object? value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null:
                    return;
                case string text:
                    filters.Add(text);
                    return;
                case IDictionary map:
                    foreach (DictionaryEntry entry in map)
                    {
                        var key = Scalar(entry.Key);
                        var v = entry.Value is null ? null : Scalar(entry.Value);
                        filters.Add(string.IsNullOrEmpty(v) ? key : key + "=" + v);
                    }

                    return;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        Add(filters, item);
                    }

                    return;
                default:
                    filters.Add(Scalar(value));
                    return;
            }
        }

        private static string Scalar(object value)
        {
            value = value is PSObject ps ? ps.BaseObject : value;
            return value switch
            {
                string s => s,
                bool or int or long or double or decimal or short or byte or uint or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
                _ => throw new ArgumentTransformationMetadataException(
                    $"-Label takes 'key' or 'key=value' strings or a hashtable of labels; a {value.GetType().Name} cannot be a label."),
            };
        }
    }
}
