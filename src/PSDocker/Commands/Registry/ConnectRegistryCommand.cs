using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Logs in to a registry (docker login).</para>
    /// <para type="description">Has the engine check the credentials against the registry (its /auth
    /// endpoint), then keeps them for the session: Install-Image and Publish-Image use them for that
    /// registry without -Credential. -Save also writes them where the docker CLI reads them (the docker
    /// config's credential helper, else its auths), so docker pull and push use them too. Credentials the
    /// docker CLI saved are used without Connect-Registry.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Registry", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class ConnectRegistryCommand : DockerCmdlet
    {
        /// <summary>The registry: <c>host[:port]</c> (Docker Hub when not given).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [Alias("Registry")]
        public string Server { get; set; } = "docker.io";

        /// <summary>The account; the password is sent to the engine only, never shown.</summary>
        [Parameter(Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Also save the credentials where the docker CLI reads them.</summary>
        [Parameter]
        public SwitchParameter Save { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Registry";

        /// <inheritdoc />
        protected override void Process()
        {
            var key = RegistryCredentialStore.Normalize(Server);
            foreach (var engine in TargetEngines)
            {
                if (!ShouldProcess(key + OnEngine(engine), "Log in as " + Credential.UserName + (Save ? " and save the credentials" : string.Empty)))
                {
                    continue;
                }

                try
                {
                    Await(engine.Registries.CheckAsync(Server, Credential, CancellationToken));
                }
                catch (EngineException e)
                {
                    Fail(e, Server);
                    continue;
                }

                RegistryCredentialStore.Remember(Server, Credential);
                WriteVerbose($"Logged in to {key} as {Credential.UserName} for this session.");
                if (Save)
                {
                    try
                    {
                        RegistryCredentialStore.ForCurrentProcess().Save(Server, Credential);
                        WriteVerbose($"Saved the credentials for {key} where the docker CLI reads them.");
                    }
                    catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException or InvalidOperationException or System.IO.InvalidDataException)
                    {
                        WriteError(new ErrorRecord(new InvalidOperationException($"The login to {key} succeeded, but the credentials could not be saved: {e.Message}", e), "CredentialSaveFailed", ErrorCategory.WriteError, Server));
                    }
                }
            }
        }
    }
}
