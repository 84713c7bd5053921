using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>An <c>-Environment</c> hashtable as the engine's <c>NAME=value</c> list.</summary>
    public static class EnvironmentVariables
    {
        /// <summary>
        /// Each entry as <c>NAME=value</c>; a null value gives <c>NAME=</c>. Null when there are none.
        /// </summary>
        /// <exception cref="InvalidSpecException">
        /// A name is empty or holds '=', or a value is not a single value (an array, a hashtable, an object):
        /// an environment variable holds one string, and <c>System.Object[]</c> is never what was meant.
        /// </exception>
        public static IList<string>? ToList(IDictionary? variables) =>
            variables is { Count: > 0 }
                ? variables.Cast<DictionaryEntry>()
                    .Select(e => Name(e.Key) + "=" + ScalarText(e.Key, e.Value, "Environment"))
                    .ToList()
                : null;

        /// <summary>A <c>-Label</c> hashtable as the engine's labels; empty when there are none.</summary>
        /// <exception cref="InvalidSpecException">A value is not a single value (see <see cref="ScalarText"/>).</exception>
        public static Dictionary<string, string> ToLabels(IDictionary? labels)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in labels ?? new Hashtable())
            {
                result[ScalarText(entry.Key, entry.Key, "Label")] = ScalarText(entry.Key, entry.Value, "Label");
            }

            return result;
        }

        /// <summary>
        /// The text of one scalar value of a hashtable parameter (<c>-Environment</c>, <c>-Label</c>): strings,
        /// numbers, booleans, enums, dates, GUIDs, URIs and versions; null gives "". Anything else (arrays,
        /// hashtables, other objects) is refused naming the key, since docker values are single strings.
        /// </summary>
        /// <exception cref="InvalidSpecException">The value is not a scalar.</exception>
        public static string ScalarText(object? key, object? value, string parameter)
        {
            var raw = Unwrap(value);
            if (raw is null)
            {
                return string.Empty;
            }

            if (raw is string || (raw is IConvertible && raw is not IEnumerable) || raw is Guid || raw is Uri || raw is Version
                || raw is TimeSpan || raw is DateTimeOffset)
            {
                return Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
            }

            var name = Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture) ?? string.Empty;
            var what = raw is IDictionary ? "a hashtable" : raw is IEnumerable ? "a list (" + raw.GetType().Name + ")" : "an object (" + raw.GetType().FullName + ")";
            var example = parameter == "Label" ? "-Label @{ " + name + " = 'a,b' }" : "-Environment @{ " + name + " = 'a,b' }";
            throw new InvalidSpecException(
                parameter,
                name,
                $"The {(parameter == "Label" ? "label" : "environment variable")} '{name}' is given {what}, but docker {(parameter == "Label" ? "labels" : "variables")} hold one string. Give a single value, or join the values yourself: {example}.");
        }

        private static string Name(object? key)
        {
            var name = Convert.ToString(Unwrap(key), CultureInfo.InvariantCulture) ?? string.Empty;
            if (name.Length == 0 || name.IndexOf('=') >= 0)
            {
                throw new InvalidSpecException(
                    "Environment",
                    name,
                    $"'{name}' is not a valid environment variable name: it is empty or holds '='. Use -Environment @{{ NAME = 'value' }}.");
            }

            return name;
        }

        private static object? Unwrap(object? value) => value is PSObject pso ? pso.BaseObject : value;
    }
}
