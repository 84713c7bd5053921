using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The engine's list filters (<c>filters={"label":{"a=b":true}}</c>) built from named value lists: a
    /// key with no values is left out, and no filter at all is null (the engine then lists everything).
    /// </summary>
    public static class EngineFilters
    {
        /// <summary>The filter dictionary for these keys and values, or null when none has a value.</summary>
        public static IDictionary<string, IDictionary<string, bool>>? Build(params (string Key, IEnumerable<string> Values)[] filters)
        {
            var result = new Dictionary<string, IDictionary<string, bool>>();
            foreach (var (key, values) in filters)
            {
                var set = values.Distinct(StringComparer.Ordinal).ToDictionary(v => v, _ => true, StringComparer.Ordinal);
                if (set.Count > 0)
                {
                    result[key] = set;
                }
            }

            return result.Count == 0 ? null : result;
        }
    }
}
