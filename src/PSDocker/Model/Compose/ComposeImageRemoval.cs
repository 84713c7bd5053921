namespace PSDocker
{
    /// <summary>Which images Remove-ComposeProject removes (docker compose down --rmi).</summary>
    public enum ComposeImageRemoval
    {
        /// <summary>Only images built for the project that have no custom tag (no image: in the file): <c>PROJECT-SERVICE</c>.</summary>
        Local,

        /// <summary>Every image the project's services use.</summary>
        All,
    }
}
