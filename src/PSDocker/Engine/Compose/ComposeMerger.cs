using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Merges compose files in order as compose-go's <c>override.Merge</c> does: mappings merge key by
    /// key; sequences append (duplicates are dropped later, by each key's identity: a port's binding, a
    /// mount's target, a variable's name); scalars are replaced; a null in a later file keeps the earlier
    /// value. Special keys follow compose: <c>command</c>, <c>entrypoint</c> and <c>healthcheck.test</c>
    /// are replaced whole; <c>environment</c>, <c>labels</c>, <c>build.args</c>, <c>dns</c>, <c>tmpfs</c>
    /// and <c>env_file</c> become lists and append (so a map and a list merge); <c>build</c> as a string is
    /// its context; <c>depends_on</c> and a service's <c>networks</c> become mappings and merge. A value
    /// tagged <c>!reset</c> removes the key, one tagged <c>!override</c> replaces the earlier value whole.
    /// </summary>
    internal static class ComposeMerger
    {
        private static readonly string[] Override = { "services.*.command", "services.*.entrypoint", "services.*.healthcheck.test" };

        private static readonly string[] ToSequence =
        {
            "services.*.environment", "services.*.labels", "services.*.build.args", "services.*.build.labels", "services.*.dns",
            "services.*.tmpfs", "services.*.env_file", "networks.*.labels", "volumes.*.labels",
        };

        /// <summary>Merges <paramref name="over"/> into <paramref name="base"/> (both whole files).</summary>
        public static ComposeNode Merge(ComposeNode @base, ComposeNode over) => Merge(@base, over, new List<string>());

        private static ComposeNode Merge(ComposeNode @base, ComposeNode over, List<string> path)
        {
            var p = string.Join(".", path);
            if (Matches(path, Override))
            {
                return over;
            }

            if (Matches(path, ToSequence))
            {
                var left = AsSequence(@base);
                var right = AsSequence(over);
                if (left is not null && right is not null)
                {
                    return new ComposeSequence(over.File, over.Line, over.Column, left.Items.Concat(right.Items).ToList());
                }
            }

            if (Matches(path, "services.*.build"))
            {
                @base = BuildAsMapping(@base);
                over = BuildAsMapping(over);
            }

            if (Matches(path, "services.*.depends_on") || Matches(path, "services.*.networks"))
            {
                var withDefaults = path[2] == "depends_on";
                @base = SequenceAsMapping(@base, withDefaults);
                over = SequenceAsMapping(over, withDefaults);
            }

            if (Matches(path, "services.*.extra_hosts") && AsSequence(@base) is { } hostsLeft && AsSequence(over) is { } hostsRight)
            {
                var existing = new HashSet<string>(hostsLeft.Items.Select(i => (i as ComposeScalar)?.Value ?? string.Empty), StringComparer.Ordinal);
                return new ComposeSequence(over.File, over.Line, over.Column, hostsLeft.Items.Concat(hostsRight.Items.Where(i => !existing.Contains((i as ComposeScalar)?.Value ?? string.Empty))).ToList());
            }

            if (over is ComposeScalar { Value: null })
            {
                return @base;
            }

            switch (@base)
            {
                case ComposeMapping mapping:
                    if (over is not ComposeMapping overMapping)
                    {
                        throw over.Error("ComposeValueInvalid", $"cannot override {p}: {over.KindName} cannot replace a mapping");
                    }

                    var merged = new ComposeMapping(mapping.File, mapping.Line, mapping.Column, new List<KeyValuePair<ComposeScalar, ComposeNode>>(mapping.Entries));
                    foreach (var entry in overMapping.Entries)
                    {
                        var existing = merged.Get(entry.Key.Value!);
                        if (entry.Value.MergeTag == "!reset")
                        {
                            merged.Entries.RemoveAll(e => e.Key.Value == entry.Key.Value);
                            continue;
                        }

                        if (existing is null || entry.Value.MergeTag == "!override")
                        {
                            merged.Set(entry.Key, entry.Value);
                            continue;
                        }

                        path.Add(entry.Key.Value!);
                        merged.Set(entry.Key, Merge(existing, entry.Value, path));
                        path.RemoveAt(path.Count - 1);
                    }

                    return merged;

                case ComposeSequence sequence:
                    if (over is not ComposeSequence overSequence)
                    {
                        throw over.Error("ComposeValueInvalid", $"cannot override {p}: {over.KindName} cannot replace a sequence");
                    }

                    return new ComposeSequence(over.File, over.Line, over.Column, sequence.Items.Concat(overSequence.Items).ToList());

                default:
                    return over;
            }
        }

        /// <summary>Removes what is tagged <c>!reset</c> (in a single file, or left after merging): compose drops it.</summary>
        public static ComposeNode DropResets(ComposeNode node)
        {
            switch (node)
            {
                case ComposeMapping mapping:
                    mapping.Entries.RemoveAll(e => e.Value.MergeTag == "!reset");
                    foreach (var entry in mapping.Entries)
                    {
                        DropResets(entry.Value);
                    }

                    break;
                case ComposeSequence sequence:
                    sequence.Items.RemoveAll(i => i.MergeTag == "!reset");
                    sequence.Items.ForEach(i => DropResets(i));
                    break;
            }

            return node;
        }

        private static bool Matches(List<string> path, params string[] patterns)
        {
            foreach (var pattern in patterns)
            {
                var parts = pattern.Split('.');
                if (parts.Length == path.Count && parts.Zip(path, (a, b) => a == "*" || a == b).All(x => x))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A list_or_dict value as a list: a mapping becomes <c>KEY=value</c> (<c>KEY</c> for null) sorted; a string one entry.</summary>
        internal static ComposeSequence? AsSequence(ComposeNode node)
        {
            switch (node)
            {
                case ComposeSequence sequence:
                    return sequence;
                case ComposeScalar { Value: not null } scalar:
                    return new ComposeSequence(scalar.File, scalar.Line, scalar.Column, new List<ComposeNode> { scalar });
                case ComposeMapping mapping:
                    var items = new List<ComposeNode>();
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Value is ComposeScalar value)
                        {
                            items.Add(value.Value is null ? entry.Key : new ComposeScalar(value.File, value.Line, value.Column, entry.Key.Value + "=" + value.Value, value.Quoted));
                        }
                        else
                        {
                            return null;
                        }
                    }

                    items.Sort((a, b) => string.CompareOrdinal(((ComposeScalar)a).Value, ((ComposeScalar)b).Value));
                    return new ComposeSequence(mapping.File, mapping.Line, mapping.Column, items);
                default:
                    return null;
            }
        }

        private static ComposeNode BuildAsMapping(ComposeNode node) => node is ComposeScalar { Value: not null } scalar
            ? new ComposeMapping(scalar.File, scalar.Line, scalar.Column, new List<KeyValuePair<ComposeScalar, ComposeNode>>
            {
                new KeyValuePair<ComposeScalar, ComposeNode>(new ComposeScalar(scalar.File, scalar.Line, scalar.Column, "context", false), scalar),
            })
            : node;

        private static ComposeNode SequenceAsMapping(ComposeNode node, bool dependencyDefaults)
        {
            if (node is not ComposeSequence sequence || sequence.Items.Any(i => i is not ComposeScalar { Value: not null }))
            {
                return node;
            }

            var entries = new List<KeyValuePair<ComposeScalar, ComposeNode>>();
            foreach (ComposeScalar item in sequence.Items)
            {
                ComposeNode value = new ComposeScalar(item.File, item.Line, item.Column, null, false);
                if (dependencyDefaults)
                {
                    value = new ComposeMapping(item.File, item.Line, item.Column, new List<KeyValuePair<ComposeScalar, ComposeNode>>
                    {
                        new KeyValuePair<ComposeScalar, ComposeNode>(new ComposeScalar(item.File, item.Line, item.Column, "condition", false), new ComposeScalar(item.File, item.Line, item.Column, "service_started", false)),
                        new KeyValuePair<ComposeScalar, ComposeNode>(new ComposeScalar(item.File, item.Line, item.Column, "required", false), new ComposeScalar(item.File, item.Line, item.Column, "true", false)),
                    });
                }

                if (entries.All(e => e.Key.Value != item.Value))
                {
                    entries.Add(new KeyValuePair<ComposeScalar, ComposeNode>(item, value));
                }
            }

            return new ComposeMapping(sequence.File, sequence.Line, sequence.Column, entries);
        }
    }
}
