namespace PSDocker
{
    /// <summary>How ids are shown: the first 12 hexadecimal digits, without the <c>sha256:</c> prefix, as the docker CLI shows them.</summary>
    public static class ResourceIds
    {
        /// <summary>The short form of an id.</summary>
        public static string Short(string id)
        {
            var hex = id.StartsWith("sha256:", System.StringComparison.Ordinal) ? id.Substring(7) : id;
            return hex.Length > 12 ? hex.Substring(0, 12) : hex;
        }
    }
}
