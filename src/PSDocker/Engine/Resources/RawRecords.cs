using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The engine's records as PowerShell reads them: nested dictionaries (case-insensitive keys, the
    /// engine's JSON names), arrays and plain values. So the model keeps the engine's whole record
    /// without any Docker.DotNet type in its public surface; made only when first read.
    /// </summary>
    internal static class RawRecords
    {
        /// <summary>A record converted when first asked for.</summary>
        public static Lazy<IDictionary?> Later(object record) => new Lazy<IDictionary?>(() => ToDictionary(record));

        /// <summary>The record as nested dictionaries; null when it does not serialise to a JSON object.</summary>
        public static IDictionary? ToDictionary(object record)
        {
            using var document = JsonSerializer.SerializeToDocument(record, record.GetType());
            return Convert(document.RootElement) as IDictionary;
        }

        /// <summary>One JSON value as a PowerShell value.</summary>
        public static object? Convert(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                    {
                        map[property.Name] = Convert(property.Value);
                    }

                    return map;
                case JsonValueKind.Array:
                    var list = new object?[element.GetArrayLength()];
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        list[i++] = Convert(item);
                    }

                    return list;
                case JsonValueKind.String:
                    return element.GetString();
                case JsonValueKind.Number:
                    if (element.TryGetInt64(out var whole))
                    {
                        return whole;
                    }

                    // Docker.DotNet writes some integers as "67108864.0"; the engine's JSON has them whole.
                    var number = element.GetDouble();
                    return Math.Floor(number) == number && Math.Abs(number) < 9e15 ? (long)number : (object)number;
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
