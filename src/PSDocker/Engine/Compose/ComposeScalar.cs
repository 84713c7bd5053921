using System;

namespace PSDocker.EngineAccess
{
    /// <summary>A scalar of a compose file: its text, and whether it was written as null (<c>~</c>, <c>null</c>, nothing).</summary>
    internal sealed class ComposeScalar : ComposeNode
    {
        public ComposeScalar(string file, int line, int column, string? value, bool quoted)
            : base(file, line, column)
        {
            Value = value;
            Quoted = quoted;
        }

        /// <summary>The text; null for a YAML null.</summary>
        public string? Value { get; }

        /// <summary>Written in quotes (so <c>"true"</c> is a string, not a boolean).</summary>
        public bool Quoted { get; }

        /// <inheritdoc />
        public override string KindName => Value is null ? "null" : "a string";

        /// <summary>The same place with another value (interpolation's result).</summary>
        public ComposeScalar With(string? value) => new ComposeScalar(File, Line, Column, value, Quoted) { MergeTag = MergeTag };

        /// <inheritdoc />
        public override string ToString() => Value ?? string.Empty;

        internal static bool IsNullText(string text) =>
            text.Length == 0 || text == "~" || string.Equals(text, "null", StringComparison.OrdinalIgnoreCase);
    }
}
