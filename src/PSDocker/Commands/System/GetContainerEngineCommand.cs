using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the engine's version and system information (docker version and docker info) as one object.</para>
    /// <para type="description">Asks the engine's /version and /info at once and emits an EngineInfo: the server and API versions (the engine's newest and oldest and the one PSDocker negotiated), OS, architecture, kernel, storage and cgroup drivers, CPUs, memory, container and image counts, registry mirrors and insecure registries, swarm state and warnings, plus the client side: the PSDocker version and the endpoint. With several -Context or -DockerHost values it asks every engine at once.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEngine")]
    [OutputType(typeof(EngineInfo))]
    public sealed class GetContainerEngineCommand : DockerCmdlet
    {
        /// <inheritdoc />
        protected override void End()
        {
            var calls = TargetEngines.Select(engine => (engine, task: engine.Systemwide.GetInfoAsync(CancellationToken))).ToList();
            foreach (var (engine, task) in calls)
            {
                try
                {
                    WriteObject(Await(task));
                }
                catch (EngineException e)
                {
                    Fail(e, engine.Endpoint.ToString());
                }
            }
        }
    }
}
