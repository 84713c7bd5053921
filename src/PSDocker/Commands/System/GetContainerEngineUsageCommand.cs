using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the engine's disk usage per type of resource (docker system df).</para>
    /// <para type="description">Emits one EngineUsage per type (Images, Containers, Local Volumes, Build Cache) with how many there are, how many are in use, the bytes they take and the bytes a prune could give back (and that as a percentage), computed as docker system df computes them. -Detailed fills each record's Items with the images, containers, volumes and build cache records behind it (docker system df -v).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerEngineUsage")]
    [OutputType(typeof(EngineUsage))]
    public sealed class GetContainerEngineUsageCommand : DockerCmdlet
    {
        /// <summary>Fill each record's Items with the resources behind it (docker system df -v).</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        /// <inheritdoc />
        protected override void End()
        {
            var calls = TargetEngines.Select(engine => (engine, task: engine.Systemwide.GetUsageAsync(Detailed, CancellationToken))).ToList();
            foreach (var (engine, task) in calls)
            {
                try
                {
                    WriteObject(Await(task), enumerateCollection: true);
                }
                catch (EngineException e)
                {
                    Fail(e, engine.Endpoint.ToString());
                }
            }
        }
    }
}
