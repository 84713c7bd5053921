namespace PSDocker
{
    /// <summary>How a path in a container's file system differs from its image (<c>docker diff</c>'s C, A and D).</summary>
    public enum ContainerChangeKind
    {
        /// <summary>The path was changed (C).</summary>
        Modified = 0,

        /// <summary>The path was added (A).</summary>
        Added = 1,

        /// <summary>The path was deleted (D).</summary>
        Deleted = 2,
    }
}
