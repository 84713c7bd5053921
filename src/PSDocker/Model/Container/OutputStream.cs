namespace PSDocker
{
    /// <summary>Which output stream a line came from.</summary>
    public enum OutputStream
    {
        /// <summary>Standard output.</summary>
        StdOut,

        /// <summary>Standard error.</summary>
        StdErr,
    }
}
