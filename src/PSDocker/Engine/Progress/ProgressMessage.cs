namespace PSDocker.EngineAccess
{
    /// <summary>
    /// One message of the engine's JSON progress streams (pull, push, build, load): a status line about
    /// an item (a layer, a build step) with its bytes done and total where the engine says them, or a
    /// line of plain output (build output).
    /// </summary>
    public sealed class ProgressMessage
    {
        /// <summary>The item the message is about (a layer id); null for the whole operation.</summary>
        public string? Id { get; set; }

        /// <summary>The status text ("Downloading", "Pull complete", "Pushed").</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>Bytes (or units) done, when known.</summary>
        public long? Current { get; set; }

        /// <summary>Bytes (or units) in all, when known.</summary>
        public long? Total { get; set; }

        /// <summary>Plain output text (a build step's output), when the message carries it.</summary>
        public string? Output { get; set; }

        /// <summary>The <c>ID</c> of the message's <c>aux</c> record (the id of a built image), when it carries one.</summary>
        public string? AuxId { get; set; }
    }
}
