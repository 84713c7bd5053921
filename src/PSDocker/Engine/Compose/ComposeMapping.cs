using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>A YAML mapping of a compose file: keys in file order, each key with its own place.</summary>
    internal sealed class ComposeMapping : ComposeNode
    {
        public ComposeMapping(string file, int line, int column, List<KeyValuePair<ComposeScalar, ComposeNode>> entries)
            : base(file, line, column)
        {
            Entries = entries;
        }

        /// <summary>The entries in file order (keys are unique).</summary>
        public List<KeyValuePair<ComposeScalar, ComposeNode>> Entries { get; }

        /// <inheritdoc />
        public override string KindName => "a mapping";

        /// <summary>The keys in order.</summary>
        public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value ?? string.Empty);

        /// <summary>The value of a key, or null.</summary>
        public ComposeNode? Get(string key)
        {
            foreach (var entry in Entries)
            {
                if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
                {
                    return entry.Value;
                }
            }

            return null;
        }

        /// <summary>The key node of a key, or null.</summary>
        public ComposeScalar? KeyNode(string key) =>
            Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.Ordinal)).Key;

        /// <summary>Sets a key (replacing its value in place, or appending it).</summary>
        public void Set(ComposeScalar key, ComposeNode value)
        {
            for (var i = 0; i < Entries.Count; i++)
            {
                if (string.Equals(Entries[i].Key.Value, key.Value, StringComparison.Ordinal))
                {
                    Entries[i] = new KeyValuePair<ComposeScalar, ComposeNode>(Entries[i].Key, value);
                    return;
                }
            }

            Entries.Add(new KeyValuePair<ComposeScalar, ComposeNode>(key, value));
        }
    }
}
