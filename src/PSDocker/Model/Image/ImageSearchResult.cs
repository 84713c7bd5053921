
namespace PSDocker
{
    /// <summary>One line of <c>docker search</c>: an image repository an index knows.</summary>
    public sealed class ImageSearchResult : EngineObject
    {
        /// <summary>The repository name (with the index for other indexes than Docker Hub).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The repository's description.</summary>
        public string Description { get; set; } = string.Empty;

        /// <summary>Its stars.</summary>
        public long Stars { get; set; }

        /// <summary>Whether it is an official image.</summary>
        public bool Official { get; set; }

        /// <summary>Whether it is built automatically.</summary>
        public bool Automated { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
