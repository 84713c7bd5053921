using System;

namespace PSDocker
{
    /// <summary>What a prune removed and the disk space it gave back.</summary>
    public sealed class PruneResult : EngineObject
    {
        /// <summary>The kind of resource pruned (Container, Image, …).</summary>
        public string ResourceType { get; set; } = string.Empty;

        /// <summary>Ids of what was removed.</summary>
        public string[] Deleted { get; set; } = Array.Empty<string>();

        /// <summary>Bytes reclaimed.</summary>
        public long SpaceReclaimed { get; set; }
    }
}
