namespace PSDocker
{
    /// <summary>
    /// One line of <c>docker system df</c>: how much disk one type of resource (images, containers, local
    /// volumes, build cache) uses on an engine and how much of it a prune could give back.
    /// </summary>
    public sealed class EngineUsage : EngineObject
    {
        /// <summary>The type: Images, Containers, Local Volumes or Build Cache.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>How many there are.</summary>
        public long TotalCount { get; set; }

        /// <summary>How many are in use (images used by a container, running or paused containers, volumes mounted by a container, build cache in use).</summary>
        public long Active { get; set; }

        /// <summary>The disk used, in bytes.</summary>
        public long Size { get; set; }

        /// <summary>The bytes a prune could give back.</summary>
        public long Reclaimable { get; set; }

        /// <summary>Reclaimable as a whole percentage of Size (as <c>docker system df</c> prints it).</summary>
        public int ReclaimablePercent => Size > 0 ? (int)(Reclaimable * 100 / Size) : 0;

        /// <summary>Per-item detail (<c>docker system df -v</c>), filled with -Detailed.</summary>
        public EngineUsageItem[]? Items { get; set; }
    }
}
