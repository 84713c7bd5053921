namespace PSDocker
{
    /// <summary>A container's state, as <c>docker ps --filter status=</c> names them.</summary>
    public enum ContainerState
    {
        /// <summary>A state this version of PSDocker does not know.</summary>
        Unknown = 0,

        /// <summary>Created, never started.</summary>
        Created,

        /// <summary>Running.</summary>
        Running,

        /// <summary>Paused.</summary>
        Paused,

        /// <summary>Restarting.</summary>
        Restarting,

        /// <summary>Being removed.</summary>
        Removing,

        /// <summary>Exited.</summary>
        Exited,

        /// <summary>Dead (the engine failed to remove it).</summary>
        Dead,
    }
}
