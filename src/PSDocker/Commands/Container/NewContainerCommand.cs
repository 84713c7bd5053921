using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a container without starting it (docker create); pulls a missing image first.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Container", SupportsShouldProcess = true)]
    [OutputType(typeof(Container))]
    public sealed class NewContainerCommand : ContainerCreationCmdlet
    {
        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var engine in TargetEngines)
            {
                if (!ShouldProcess(Describe(engine), "Create"))
                {
                    continue;
                }

                if (!EnsureImage(engine) || CreateContainer(engine) is not { } id)
                {
                    continue;
                }

                if (Await(engine.Containers.GetByIdAsync(id, CancellationToken)) is { } container)
                {
                    WriteObject(container);
                }
            }
        }
    }
}
