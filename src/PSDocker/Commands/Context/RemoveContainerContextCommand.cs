using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Removes docker contexts (docker context rm).</para>
    /// <para type="description">Removes each named context's metadata and TLS material from the docker configuration. Like docker context rm, the context in use is refused unless -Force; with -Force it is removed and the docker configuration falls back to the default context. The default context cannot be removed. Like docker context rm it does not ask (ConfirmImpact Medium); -Confirm asks and -WhatIf shows what would go.</para>
    /// </summary>
    [OutputType(typeof(void))]
    [Cmdlet(VerbsCommon.Remove, "ContainerContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class RemoveContainerContextCommand : ContextCmdlet
    {
        /// <summary>The contexts to remove.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContextNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Remove the context even when it is the one in use (docker context rm -f).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var name in Name)
            {
                try
                {
                    Remove(name);
                }
                catch (Exception e) when (IsConfigurationFailure(e))
                {
                    WriteError(ConfigurationError(e, name));
                }
            }
        }

        private void Remove(string name)
        {
            if (ContextStore.IsDefault(name))
            {
                WriteError(new InvalidOperationException("The default context cannot be removed: it is made from the environment (DOCKER_HOST or the platform's engine)."), "DefaultContextNotRemovable", ErrorCategory.InvalidOperation, name);
                return;
            }

            var context = Store.Find(name);
            if (context is null)
            {
                WriteError(NotFound(name));
                return;
            }

            if (context.Current && !Force)
            {
                WriteError(new InvalidOperationException($"Docker context '{name}' is in use. Switch to another one with Use-ContainerContext first, or remove it anyway with -Force (the default context is then in use)."), "ContextInUse", ErrorCategory.ResourceBusy, name);
                return;
            }

            if (ShouldProcess(name, "Remove docker context"))
            {
                Store.Remove(name);
            }
        }
    }
}
