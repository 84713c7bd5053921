namespace PSDocker
{
    /// <summary>
    /// An object that knows its container: <see cref="Container"/>, <see cref="ContainerDetail"/>,
    /// <see cref="ContainerLogEntry"/>, <see cref="ExecResult"/> and <see cref="ContainerStatistics"/>. The container cmdlets take these from
    /// the pipeline and act on that container, on the engine it came from.
    /// </summary>
    public interface IContainerReference : IResourceReference
    {
    }
}
