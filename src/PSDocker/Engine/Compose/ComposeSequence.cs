using System.Collections.Generic;

namespace PSDocker.EngineAccess
{
    /// <summary>A YAML sequence of a compose file.</summary>
    internal sealed class ComposeSequence : ComposeNode
    {
        public ComposeSequence(string file, int line, int column, List<ComposeNode> items)
            : base(file, line, column)
        {
            Items = items;
        }

        /// <summary>The entries, in order.</summary>
        public List<ComposeNode> Items { get; }

        /// <inheritdoc />
        public override string KindName => "a sequence";
    }
}
