using System;
using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of New-Container (docker create) and Invoke-Container (docker run): their one shared set of
    /// parameters, validated before anything happens, the pull of a missing image with progress, and
    /// the creation itself.
    /// </summary>
    public abstract class ContainerCreationCmdlet : DockerCmdlet
    {
        /// <inheritdoc />
        protected override string Noun => ContainerKind.Instance.Noun;

        private ContainerCreateOptions? _options;

        /// <summary>The image to create the container from (<c>name[:tag]</c> or <c>name@digest</c>).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageReferenceCompleter))]
        public string Image { get; set; } = string.Empty;

        /// <summary>The container name (default: a name the engine makes up).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The command to run, program first (replaces the image's CMD): <c>-Command sh,-c,'echo hi'</c>.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? Command { get; set; }

        /// <summary>The entrypoint, program first (replaces the image's ENTRYPOINT; <c>''</c> clears it).</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Entrypoint { get; set; }

        /// <summary>Environment variables: <c>@{ NAME = 'value' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Env")]
        public Hashtable? Environment { get; set; }

        /// <summary>
        /// Ports to publish: <c>'8080:80'</c>, <c>'127.0.0.1:8080:80'</c>, <c>'127.0.0.1::80'</c> (random
        /// host port), <c>'53:53/udp'</c>, <c>'80'</c> (random host port), <c>'8080-8081:80-81'</c>,
        /// <c>'[::1]:8080:80'</c>.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Publish")]
        public string[]? Port { get; set; }

        /// <summary>Publish every port the image exposes on a random host port (docker run -P).</summary>
        [Parameter]
        [Alias("PublishAllPorts")]
        public SwitchParameter PublishAll { get; set; }

        /// <summary>
        /// Volumes to mount: <c>'/host/path:/path'</c>, <c>'./relative:/path'</c>, <c>'name:/path'</c>
        /// (a named volume), <c>'/path'</c> (a new anonymous volume); add <c>':ro'</c> for read-only.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Volume { get; set; }

        /// <summary>The network to connect the container to (bridge, host, none or a network name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NetworkNameCompleter))]
        public string? Network { get; set; }

        /// <summary>Other names the container answers to on its -Network (a user-defined network), besides its name (docker --network-alias).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? NetworkAlias { get; set; }

        /// <summary>DNS servers for the container's /etc/resolv.conf.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Dns { get; set; }

        /// <summary>The container's hostname.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Hostname { get; set; }

        /// <summary>The working directory of the command inside the container.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("WorkDir")]
        public string? WorkingDirectory { get; set; }

        /// <summary>The user to run as: name, uid, or <c>uid:gid</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>Labels to set: <c>@{ team = 'web' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>When the engine restarts the container: <c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c> or <c>on-failure:N</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RestartPolicyCompleter))]
        [Alias("Restart")]
        public string? RestartPolicy { get; set; }

        /// <summary>Memory limit in bytes: a number (<c>512MB</c>) or a docker size (<c>'512m'</c>, <c>'1g'</c>).</summary>
        [Parameter]
        [ByteSizeTransformation]
        [ValidateRange(0L, long.MaxValue)]
        public long? Memory { get; set; }

        /// <summary>How many CPUs the container may use (<c>1.5</c>: one and a half).</summary>
        [Parameter]
        [ValidateRange(0.001, 1024.0)]
        public double? Cpus { get; set; }

        /// <summary>Remove the container when it exits (docker --rm, done by the engine).</summary>
        [Parameter]
        public SwitchParameter AutoRemove { get; set; }

        /// <summary>Keep the container's stdin open (docker -i).</summary>
        [Parameter]
        public SwitchParameter Interactive { get; set; }

        /// <summary>Give the container a pseudo-terminal (docker -t); its output is then one stream.</summary>
        [Parameter]
        public SwitchParameter Tty { get; set; }

        /// <summary>When to pull the image first: Missing (default: only when not present locally), Always or Never.</summary>
        [Parameter]
        public PullPolicy Pull { get; set; } = PullPolicy.Missing;

        /// <summary>The parameters as create options (validated in BeginProcessing).</summary>
        protected ContainerCreateOptions Options => _options ??= new ContainerCreateOptions
        {
            Image = Image,
            Name = Name,
            Command = Command,
            Entrypoint = Entrypoint,
            Environment = Environment,
            Port = Port,
            PublishAll = PublishAll,
            Volume = Volume,
            Network = Network,
            NetworkAlias = NetworkAlias,
            Dns = Dns,
            Hostname = Hostname,
            WorkingDirectory = WorkingDirectory,
            User = User,
            Label = Label,
            RestartPolicy = RestartPolicy,
            Memory = Memory,
            Cpus = Cpus,
            AutoRemove = AutoRemove,
            Interactive = Interactive,
            Tty = Tty,
        };

        /// <summary>How the container is named in -WhatIf/-Confirm; the engine is named when it is not the default.</summary>
        protected string Describe(EngineConnection engine) =>
            (Name is null ? "container from image '" + Image + "'" : "container '" + Name + "' from image '" + Image + "'") + OnEngine(engine);

        /// <summary>The target of error records: the name given, else the image.</summary>
        protected string ErrorTarget => Name ?? Image;

        /// <summary>A bad -Port, -Volume, -NetworkAlias, -RestartPolicy or -Image is a terminating parameter error before anything is done.</summary>
        protected override void Begin()
        {
            try
            {
                ImageReference.Parse(Image);
                Options.Validate();
            }
            catch (InvalidSpecException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.Spec));
            }
        }

        /// <summary>
        /// Makes sure the image is on the engine as -Pull asks, pulling with progress; false after
        /// writing the error (pull failed, or missing with -Pull Never).
        /// </summary>
        protected bool EnsureImage(EngineConnection engine)
        {
            try
            {
                if (Pull != PullPolicy.Always && Await(engine.Images.ExistsAsync(Image, CancellationToken)))
                {
                    return true;
                }
            }
            catch (EngineException e)
            {
                Fail(e, Image);
                return false;
            }

            if (Pull == PullPolicy.Never)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"Image '{Image}' is not present locally and -Pull Never forbids pulling it. Pull it first (Install-Image) or use -Pull Missing."),
                    "ImageNotFound",
                    ErrorCategory.ObjectNotFound,
                    Image));
                return false;
            }

            WriteVerbose($"Pulling image {Image}.");
            try
            {
                RunWithProgress("Pulling image " + Image, (post, token) => engine.Images.PullAsync(Image, post, token));
                return true;
            }
            catch (EngineException e)
            {
                Fail(e, Image);
                return false;
            }
        }

        /// <summary>Creates the container; its id, or null after writing the error.</summary>
        protected string? CreateContainer(EngineConnection engine)
        {
            WriteVerbose($"Creating a container from image {Image}{(Name is null ? string.Empty : " named " + Name)}.");
            try
            {
                var (id, warnings) = Await(engine.Containers.CreateAsync(Options, ResolveHostPath, CancellationToken));
                foreach (var warning in warnings)
                {
                    WriteWarning(warning);
                }

                return id;
            }
            catch (Exception e) when (e is EngineException or InvalidSpecException)
            {
                Fail(e, e is InvalidSpecException spec ? spec.Spec : ErrorTarget);
                return null;
            }
        }

        /// <summary>
        /// A relative bind source as a full path on this machine: relative to the current FileSystem
        /// location, whatever provider the current location is on (Env:, HKLM:, …).
        /// </summary>
        private string ResolveHostPath(string path) =>
            VolumeSpecParser.ResolveHostPath(path, SessionState.Path.CurrentFileSystemLocation.ProviderPath, System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile));
    }
}
