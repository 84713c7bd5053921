using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Logs out of a registry (docker logout).</para>
    /// <para type="description">Forgets the credentials Connect-Registry kept for the session and, like docker
    /// logout, removes those saved for the docker CLI (from its credential helper, else its auths).</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "Registry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class DisconnectRegistryCommand : PSCmdlet
    {
        /// <summary>The registry: <c>host[:port]</c> (Docker Hub when not given).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Registry")]
        public string Server { get; set; } = "docker.io";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var key = RegistryCredentialStore.Normalize(Server);
            if (!ShouldProcess(key, "Log out"))
            {
                return;
            }

            var forgotten = RegistryCredentialStore.Forget(Server);
            bool erased;
            try
            {
                erased = RegistryCredentialStore.ForCurrentProcess().Erase(Server);
            }
            catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or InvalidOperationException or System.IO.InvalidDataException)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"The saved credentials for {key} could not be removed: {e.Message}", e), "CredentialEraseFailed", ErrorCategory.WriteError, Server));
                return;
            }

            WriteVerbose(forgotten || erased ? $"Logged out of {key}." : $"Not logged in to {key}.");
        }
    }
}
