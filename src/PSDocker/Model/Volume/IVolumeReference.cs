namespace PSDocker
{
    /// <summary>
    /// An object that knows its volume: <see cref="ContainerVolume"/>. The volume cmdlets take these from
    /// the pipeline and act on that volume, on the engine it came from.
    /// </summary>
    public interface IVolumeReference : IResourceReference
    {
    }
}
