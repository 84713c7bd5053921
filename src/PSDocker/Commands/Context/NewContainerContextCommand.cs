using System;
using System.IO;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a docker context (docker context create): a named engine endpoint, usable here with -Context and by the docker CLI.</para>
    /// <para type="description">Writes the context into the docker configuration ($env:DOCKER_CONFIG or ~/.docker) exactly as docker context create does, TLS material included (copied into the store), and emits it. The address is checked first: unix://, npipe://, tcp:// or https://, or host:port (stored as tcp://host:port). It does not switch to the new context: Use-ContainerContext does.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ContainerContext", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ContainerContext))]
    public sealed class NewContainerContextCommand : ContextCmdlet
    {
        /// <summary>The context's name: letters, digits and _ . + - (starting with a letter or digit), as docker requires.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The engine's address: <c>unix:///var/run/docker.sock</c>, <c>tcp://host:2376</c>, <c>npipe:////./pipe/docker_engine</c> (docker context create --docker host=…).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Host", "DockerEndpoint")]
        public string DockerHost { get; set; } = string.Empty;

        /// <summary>A description (docker context create --description).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Description { get; set; }

        /// <summary>The CA certificate that signed the engine's certificate (--docker ca=…).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("TlsCaCert")]
        public string? TlsCaPath { get; set; }

        /// <summary>The client certificate (--docker cert=…); needs -TlsKeyPath.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("TlsCert")]
        public string? TlsCertificatePath { get; set; }

        /// <summary>The client certificate's private key (--docker key=…); needs -TlsCertificatePath.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("TlsKey")]
        public string? TlsKeyPath { get; set; }

        /// <summary>Do not verify the engine's certificate (--docker skip-tls-verify=true).</summary>
        [Parameter]
        public SwitchParameter SkipTlsVerify { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ContextStore.IsDefault(Name) || !ContextStore.NamePattern.IsMatch(Name))
            {
                WriteError(new ArgumentException(ContextStore.IsDefault(Name)
                    ? "'default' is the name of the context made from the environment; choose another name."
                    : $"'{Name}' is not a valid context name: use letters, digits and _ . + - (at least two characters, starting with a letter or digit)."), "InvalidContextName", ErrorCategory.InvalidArgument, Name);
                return;
            }

            string host;
            try
            {
                EndpointResolver.ParseHost(DockerHost);
                host = DockerHost.Trim();
                if (!host.Contains("://"))
                {
                    // The docker CLI cannot read a bare host:port from a context: store it with its scheme.
                    host = "tcp://" + host;
                }
            }
            catch (ArgumentException e)
            {
                WriteError(e, "InvalidDockerHost", ErrorCategory.InvalidArgument, DockerHost);
                return;
            }

            if ((TlsCertificatePath is null) != (TlsKeyPath is null))
            {
                WriteError(new ArgumentException("A client certificate needs its key: give -TlsCertificatePath and -TlsKeyPath together."), "IncompleteTlsMaterial", ErrorCategory.InvalidArgument, Name);
                return;
            }

            var ca = Resolve(TlsCaPath);
            var cert = Resolve(TlsCertificatePath);
            var key = Resolve(TlsKeyPath);
            foreach (var path in new[] { ca, cert, key })
            {
                if (path is not null && !File.Exists(path))
                {
                    WriteError(new FileNotFoundException($"The TLS file '{path}' does not exist.", path), "TlsFileNotFound", ErrorCategory.ObjectNotFound, path);
                    return;
                }
            }

            try
            {
                if (Store.Find(Name) is not null)
                {
                    WriteError(new InvalidOperationException($"Docker context '{Name}' already exists. Remove it first with Remove-ContainerContext, or choose another name."), "ContextExists", ErrorCategory.ResourceExists, Name);
                    return;
                }

                if (!ShouldProcess($"{Name} ({host})", "Create docker context"))
                {
                    return;
                }

                WriteObject(Store.Create(Name, Description ?? string.Empty, host, SkipTlsVerify, ca, cert, key));
            }
            catch (Exception e) when (IsConfigurationFailure(e))
            {
                WriteError(ConfigurationError(e, Name));
            }
        }

        private string? Resolve(string? path) =>
            path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
    }
}
