namespace PSDocker
{
    /// <summary>
    /// An object that knows its image: <see cref="Image"/> (one repo:tag of an image) and
    /// <see cref="ImageDetail"/> (the whole image). The image cmdlets take these from the pipeline and act
    /// on exactly that reference — an <see cref="Image"/> listed by its tag is acted on by that tag, so
    /// <c>Get-Image app:1 | Remove-Image</c> untags app:1 and leaves the image's other tags alone.
    /// </summary>
    public interface IImageReference : IResourceReference
    {
    }
}
