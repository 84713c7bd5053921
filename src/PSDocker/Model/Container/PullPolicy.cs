namespace PSDocker
{
    /// <summary>When New-Container and Invoke-Container pull the image first (<c>docker run --pull</c>).</summary>
    public enum PullPolicy
    {
        /// <summary>Pull only when the image is not present locally (the default).</summary>
        Missing,

        /// <summary>Always pull, so the newest image for the tag is used.</summary>
        Always,

        /// <summary>Never pull; a missing image is an error.</summary>
        Never,
    }
}
