using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes a docker context the current one (docker context use), for PSDocker and the docker CLI alike.</para>
    /// <para type="description">Writes currentContext to the docker configuration's config.json (the default context removes the key), keeping every other key and value of the file as they are (auths, credsStore, …); the file is replaced in one step, keeping its permissions. DOCKER_HOST and DOCKER_CONTEXT, when set, still win over it, as with the docker CLI: the command warns about them.</para>
    /// </summary>
    [Cmdlet(VerbsOther.Use, "ContainerContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerContext))]
    public sealed class UseContainerContextCommand : ContextCmdlet
    {
        /// <summary>The context to use.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContextNameCompleter))]
        public string Name { get; set; } = string.Empty;

        /// <summary>Emit the context now in use.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                if (Store.Find(Name) is null)
                {
                    WriteError(NotFound(Name));
                    return;
                }

                if (!ShouldProcess(Name, "Use docker context"))
                {
                    return;
                }

                Store.SetCurrent(Name);
                WriteVerbose($"Current context is now \"{Name}\" ({System.IO.Path.Combine(Store.ConfigDirectory, "config.json")}).");
                foreach (var variable in new[] { "DOCKER_HOST", "DOCKER_CONTEXT" })
                {
                    if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
                    {
                        WriteWarning($"The {variable} environment variable overrides the active context. To use \"{Name}\", unset it: Remove-Item Env:{variable}");
                    }
                }

                if (PassThru)
                {
                    WriteObject(Store.Find(Name));
                }
            }
            catch (Exception e) when (IsConfigurationFailure(e))
            {
                WriteError(ConfigurationError(e, Name));
            }
        }
    }
}
