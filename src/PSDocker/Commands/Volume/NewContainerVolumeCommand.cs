using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a volume (docker volume create).</para>
    /// <para type="description">Without -Name the engine makes up a name. Like docker volume create,
    /// creating a volume whose name exists (with the same driver) is not an error: the existing volume is
    /// emitted, unchanged.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerVolume", SupportsShouldProcess = true)]
    [OutputType(typeof(ContainerVolume))]
    public sealed class NewContainerVolumeCommand : DockerCmdlet
    {
        /// <summary>The volume's name (default: one the engine makes up).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The volume driver (default: local).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Driver { get; set; } = "local";

        /// <summary>Driver options: <c>@{ type = 'tmpfs'; device = 'tmpfs'; o = 'size=100m' }</c> (docker volume create -o).</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Option")]
        public Hashtable? DriverOption { get; set; }

        /// <summary>Labels to set: <c>@{ team = 'web' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Volume";

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var engine in TargetEngines)
            {
                var what = (Name is null ? "a new volume" : "volume '" + Name + "'") + " (" + Driver + ")" + OnEngine(engine);
                if (!ShouldProcess(what, "Create"))
                {
                    continue;
                }

                try
                {
                    WriteObject(Await(engine.Volumes.CreateAsync(Name, Driver, DriverOption, Label, CancellationToken)));
                }
                catch (EngineException e)
                {
                    Fail(e, Name);
                }
            }
        }
    }
}
