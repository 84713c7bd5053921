namespace PSDocker
{
    /// <summary>
    /// An object that knows which engine resource it is about: the engine, the resource's id and its
    /// name. Cmdlets bind such objects by value (<c>-InputObject</c>) and act on exactly that resource on
    /// that engine; an object that does not know its resource is refused, never read as a name.
    /// </summary>
    public interface IResourceReference
    {
        /// <summary>The engine the resource lives on.</summary>
        Engine Engine { get; }

        /// <summary>The resource's full id.</summary>
        string ResourceId { get; }

        /// <summary>The resource's name as a user knows it (empty when it has none).</summary>
        string ResourceName { get; }
    }
}
