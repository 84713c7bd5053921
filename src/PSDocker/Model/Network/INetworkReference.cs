namespace PSDocker
{
    /// <summary>
    /// An object that knows its network: <see cref="ContainerNetwork"/>. The network cmdlets take these
    /// from the pipeline and act on that network, on the engine it came from.
    /// </summary>
    public interface INetworkReference : IResourceReference
    {
    }
}
