namespace PSDocker
{
    /// <summary>One changed path of a container's file system, as <c>docker diff</c> lists it.</summary>
    public sealed class ContainerChange : EngineObject
    {
        /// <summary>The container's name.</summary>
        public string ContainerName { get; set; } = string.Empty;

        /// <summary>The container's id.</summary>
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>Added, Modified or Deleted.</summary>
        public ContainerChangeKind Kind { get; set; }

        /// <summary>The path inside the container.</summary>
        public string Path { get; set; } = string.Empty;

        /// <summary>The letter <c>docker diff</c> prints for the kind: A, C or D.</summary>
        public string KindCode => Code(Kind);

        /// <summary>The letter <c>docker diff</c> prints for a kind: A (added), C (changed) or D (deleted).</summary>
        public static string Code(ContainerChangeKind kind) => kind switch
        {
            ContainerChangeKind.Added => "A",
            ContainerChangeKind.Deleted => "D",
            _ => "C",
        };

        /// <summary><c>C /etc</c>, as <c>docker diff</c> prints the change.</summary>
        public override string ToString() => KindCode + " " + Path;
    }
}
