using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>An <c>-Environment</c> hashtable as the engine's <c>NAME=value</c> list.</summary>
    public static class EnvironmentVariables
    {
        /// <summary>Each entry as <c>NAME=value</c>; a null value gives <c>NAME=</c>. Null when there are none.</summary>
        public static IList<string>? ToList(IDictionary? variables) =>
            variables is { Count: > 0 }
                ? variables.Cast<DictionaryEntry>()
                    .Select(e => Convert(e.Key) + "=" + Convert(e.Value))
                    .ToList()
                : null;

        private static string Convert(object? value) => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
