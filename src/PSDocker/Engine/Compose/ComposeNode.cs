namespace PSDocker.EngineAccess
{
    /// <summary>
    /// One node of a compose file as read (before it becomes the model): where it stands (file, line,
    /// column) so that every error can name the place, whatever merging moved it.
    /// </summary>
    internal abstract class ComposeNode
    {
        protected ComposeNode(string file, int line, int column)
        {
            File = file;
            Line = line;
            Column = column;
        }

        /// <summary>The file the node comes from.</summary>
        public string File { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }

        /// <summary>1-based column.</summary>
        public int Column { get; }

        /// <summary>compose's merge tag: <c>!reset</c> (a later file removes the key) or <c>!override</c> (it replaces the value whole); null otherwise.</summary>
        public string? MergeTag { get; set; }

        /// <summary>What a type error calls this node: a mapping, a sequence, a string.</summary>
        public abstract string KindName { get; }

        /// <summary>An error at this node.</summary>
        public ComposeFileException Error(string errorId, string message) =>
            new ComposeFileException(errorId, message, File, Line, Column);
    }
}
