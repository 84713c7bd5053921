using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads one compose file with YamlDotNet's representation model (anchors, aliases and <c>&lt;&lt;</c>
    /// merge keys resolved) into <see cref="ComposeNode"/>s that keep each node's line and column.
    /// </summary>
    internal static class ComposeYamlReader
    {
        /// <summary>compose-go's cap on the nodes of one file (its ResetProcessor's defaultMaxNodeVisits).</summary>
        private const int MaxNodeVisits = 100_000;

        /// <summary>Reads a file; null when it holds no document.</summary>
        public static ComposeNode? ReadFile(string path)
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ComposeFileException("ComposeFileUnreadable", $"cannot read the compose file: {e.Message}", path, category: System.Management.Automation.ErrorCategory.ReadError);
            }

            return Read(text, path);
        }

        /// <summary>Reads YAML text; <paramref name="file"/> names it in errors.</summary>
        public static ComposeNode? Read(string text, string file)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new MergingParser(new Parser(new StringReader(text))));
            }
            catch (YamlException e)
            {
                var reason = e.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message) ? inner.Message : e.Message;
                // YamlDotNet's messages repeat the marks ("(Line: 3, Col: 5, Idx: …) - (…): reason"): keep the reason.
                var dash = reason.IndexOf("): ", StringComparison.Ordinal);
                if (reason.StartsWith("(Line:", StringComparison.Ordinal) && dash >= 0)
                {
                    reason = reason.Substring(dash + 3);
                }

                throw new ComposeFileException("ComposeYamlInvalid", $"the YAML is not valid: {reason}", file, (int)e.Start.Line, (int)e.Start.Column);
            }

            if (stream.Documents.Count == 0)
            {
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                throw new ComposeFileException("ComposeYamlInvalid", "the file holds more than one YAML document; a compose file holds one", file, (int)second.Start.Line, (int)second.Start.Column);
            }

            var visits = 0;
            return Convert(stream.Documents[0].RootNode, file, 0, ref visits);
        }

        private static ComposeNode Convert(YamlNode node, string file, int depth, ref int visits)
        {
            // Aliases are shared nodes: a file of nested aliases (a "billion laughs") would unfold without end.
            if (++visits > MaxNodeVisits)
            {
                throw new ComposeFileException("ComposeYamlInvalid", $"compose file exceeds maximum node visit limit ({MaxNodeVisits})", file, (int)node.Start.Line, (int)node.Start.Column);
            }

            if (depth > 200)
            {
                throw new ComposeFileException("ComposeYamlInvalid", "the YAML nests too deeply (a recursive alias?)", file, (int)node.Start.Line, (int)node.Start.Column);
            }

            var converted = ConvertNode(node, file, depth, ref visits);
            if (!node.Tag.IsEmpty && (node.Tag.Value == "!reset" || node.Tag.Value == "!override"))
            {
                converted.MergeTag = node.Tag.Value;
            }

            return converted;
        }

        private static ComposeNode ConvertNode(YamlNode node, string file, int depth, ref int visits)
        {
            var line = (int)node.Start.Line;
            var column = (int)node.Start.Column;
            switch (node)
            {
                case YamlScalarNode scalar:
                    {
                        var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                        var value = scalar.Value ?? string.Empty;
                        var isNull = !quoted && (scalar.Tag.IsEmpty || scalar.Tag.Value is "tag:yaml.org,2002:null" or "!reset" or "!override") && ComposeScalar.IsNullText(value);
                        return new ComposeScalar(file, line, column, isNull ? null : value, quoted);
                    }

                case YamlSequenceNode sequence:
                    {
                        var items = new List<ComposeNode>();
                        foreach (var child in sequence.Children)
                        {
                            items.Add(Convert(child, file, depth + 1, ref visits));
                        }

                        return new ComposeSequence(file, line, column, items);
                    }

                case YamlMappingNode mapping:
                    {
                        var entries = new List<KeyValuePair<ComposeScalar, ComposeNode>>();
                        var seen = new HashSet<string>(StringComparer.Ordinal);
                        foreach (var pair in mapping.Children)
                        {
                            if (pair.Key is not YamlScalarNode keyNode)
                            {
                                throw new ComposeFileException("ComposeYamlInvalid", "a mapping key must be a string", file, (int)pair.Key.Start.Line, (int)pair.Key.Start.Column);
                            }

                            var key = new ComposeScalar(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column, keyNode.Value ?? string.Empty, false);
                            if (!seen.Add(key.Value!))
                            {
                                throw key.Error("ComposeYamlInvalid", $"mapping key \"{key.Value}\" already defined");
                            }

                            entries.Add(new KeyValuePair<ComposeScalar, ComposeNode>(key, Convert(pair.Value, file, depth + 1, ref visits)));
                        }

                        return new ComposeMapping(file, line, column, entries);
                    }

                default:
                    throw new ComposeFileException("ComposeYamlInvalid", "unsupported YAML node", file, line, column);
            }
        }
    }
}
