using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Turns a prune's <c>-Filter</c> hashtable (<c>@{until='24h'; label='env=dev'}</c>) and its
    /// <c>-Label</c> sugar into the engine's filter dictionary, like <c>docker … prune --filter</c>.
    /// Values may be strings or arrays of strings; <c>until</c> also takes a DateTime (an absolute time)
    /// or a TimeSpan (that long ago).
    /// </summary>
    public static class PruneFilter
    {
        /// <summary>The filters <c>docker container prune</c> understands.</summary>
        public static readonly IReadOnlyList<string> ContainerKeys = new[] { "until", "label", "label!" };

        /// <summary>
        /// The engine's filters for <paramref name="filter"/> plus <paramref name="labels"/> (each
        /// <c>key</c> or <c>key=value</c>), or null when nothing filters. Throws ArgumentException for a
        /// key outside <paramref name="allowedKeys"/> or an empty or unusable value.
        /// </summary>
        public static IDictionary<string, IDictionary<string, bool>>? From(IDictionary? filter, IEnumerable<string>? labels, IReadOnlyList<string> allowedKeys)
        {
            var result = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal);
            void Add(string key, string value)
            {
                if (!result.TryGetValue(key, out var values))
                {
                    values = new Dictionary<string, bool>(StringComparer.Ordinal);
                    result[key] = values;
                }

                values[value] = true;
            }

            foreach (DictionaryEntry entry in filter ?? new Hashtable())
            {
                var name = Unwrap(entry.Key)?.ToString()?.Trim() ?? string.Empty;
                var key = allowedKeys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"'{name}' is not a filter this prune understands; use {string.Join(", ", allowedKeys)}.");
                foreach (var value in Values(Unwrap(entry.Value)))
                {
                    Add(key, ToFilterValue(key, value));
                }
            }

            foreach (var label in labels ?? Enumerable.Empty<string>())
            {
                Add("label", ToFilterValue("label", label));
            }

            return result.Count == 0 ? null : result;
        }

        private static IEnumerable<object?> Values(object? value) =>
            value is IEnumerable list and not string
                ? list.Cast<object?>().Select(Unwrap)
                : new[] { value };

        private static string ToFilterValue(string key, object? value)
        {
            var isTime = key == "until";
            string? text = value switch
            {
                null => null,
                string s => s.Trim(),
                DateTime t when isTime => new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Local) : t).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                DateTimeOffset t when isTime => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                TimeSpan span when isTime && span >= TimeSpan.Zero => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
                TimeSpan when isTime => throw new ArgumentException($"The '{key}' filter takes a duration of zero or more; '{value}' is negative."),
                DateTime or DateTimeOffset or TimeSpan or bool => throw Unusable(key, value),
                IConvertible c => c.ToString(CultureInfo.InvariantCulture),
                _ => throw Unusable(key, value),
            };

            return string.IsNullOrEmpty(text)
                ? throw new ArgumentException($"The '{key}' filter needs a value.")
                : text!;
        }

        private static ArgumentException Unusable(string key, object value) =>
            new ArgumentException($"The '{key}' filter takes text{(key == "until" ? ", a DateTime or a TimeSpan" : string.Empty)}, not a {value.GetType().Name} ('{value}').");

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
