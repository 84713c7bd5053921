using System;

namespace PSDocker
{
    /// <summary>One image, container, volume or build cache record of <c>docker system df -v</c>.</summary>
    public sealed class EngineUsageItem : EngineObject
    {
        /// <summary>The type: Images, Containers, Local Volumes or Build Cache.</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>The item's name (a repo:tag, a container or volume name), or its short id when it has none.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The full id (a volume's name).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The bytes it uses (a container's writable layer; an image's total size).</summary>
        public long Size { get; set; }

        /// <summary>Whether it is in use.</summary>
        public bool Active { get; set; }

        /// <summary>How many containers use it (images and volumes).</summary>
        public long? Links { get; set; }

        /// <summary>When it was created, if the engine says.</summary>
        public DateTime? Created { get; set; }
    }
}
