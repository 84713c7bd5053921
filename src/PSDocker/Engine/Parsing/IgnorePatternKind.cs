namespace PSDocker.EngineAccess
{
    /// <summary>How an <see cref="IgnorePattern"/> compares paths.</summary>
    internal enum IgnorePatternKind
    {
        /// <summary>Not compiled yet.</summary>
        Unknown,

        /// <summary>The path equals the pattern.</summary>
        Exact,

        /// <summary>A trailing <c>**</c>: the path starts with the rest.</summary>
        Prefix,

        /// <summary>A leading <c>**</c>: the path ends with the rest.</summary>
        Suffix,

        /// <summary>A regular expression.</summary>
        Expression,
    }
}
