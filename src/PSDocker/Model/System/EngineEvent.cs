using System;
using System.Collections.Generic;

namespace PSDocker
{
    /// <summary>One event of the engine (<c>docker events</c>): what happened, to what, when.</summary>
    public sealed class EngineEvent : EngineObject
    {
        /// <summary>When it happened (local time, to the engine's nanosecond rounded to a tick).</summary>
        public DateTime Time { get; set; }

        /// <summary>The type of object (container, image, network, volume, daemon, plugin, …).</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>What happened (create, start, die, destroy, pull, connect, …).</summary>
        public string Action { get; set; } = string.Empty;

        /// <summary>The id of the object it happened to.</summary>
        public string ActorId { get; set; } = string.Empty;

        /// <summary>The object's attributes (name, image, labels, exit code, …).</summary>
        public IReadOnlyDictionary<string, string> ActorAttributes { get; set; } = new Dictionary<string, string>();

        /// <summary>local (this engine) or swarm (the cluster).</summary>
        public string Scope { get; set; } = string.Empty;

        /// <summary>The actor's name attribute, when it has one.</summary>
        public string? ActorName => ActorAttributes.TryGetValue("name", out var name) ? name : null;
    }
}
