using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Pulls images from a registry (docker pull).</para>
    /// <para type="description">Pulls each reference (latest when no tag is given), showing a progress bar
    /// for the pull and a child bar per layer, and emits the pulled image. An error inside the engine's
    /// stream (unknown manifest, denied, unreachable registry) is an ImagePullFailed error naming the
    /// image, and nothing is emitted for it. -Credential is sent to the engine for this pull only.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Install, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Image))]
    public sealed class InstallImageCommand : DockerCmdlet
    {
        /// <summary>Image references to pull: <c>[registry/]repository[:tag|@digest]</c>.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Reference")]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public NameOrId[] Name { get; set; } = Array.Empty<NameOrId>();

        /// <summary>The registry account to pull with; sent to the engine only, never shown.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var name in Name)
            {
                ImageReference reference;
                try
                {
                    reference = ImageReference.Parse(name.Value);
                }
                catch (InvalidSpecException e)
                {
                    WriteError(new ErrorRecord(e, "InvalidImage", ErrorCategory.InvalidArgument, name.Value));
                    continue;
                }

                foreach (var engine in TargetEngines)
                {
                    if (!ShouldProcess(name.Value + OnEngine(engine), "Pull"))
                    {
                        continue;
                    }

                    try
                    {
                        RunWithProgress("Pulling image " + name.Value, (post, token) => engine.Images.PullAsync(name.Value, Credential, post, token));
                        var lookup = reference.Digest is null ? reference.ToString() : reference.Repository + "@" + reference.Digest;
                        if (Await(engine.Images.FindAsync(lookup, CancellationToken)) is { } image)
                        {
                            WriteObject(image);
                        }
                    }
                    catch (Exception e) when (e is EngineException or InvalidSpecException)
                    {
                        Fail(e, name.Value);
                    }
                }
            }
        }
    }
}
