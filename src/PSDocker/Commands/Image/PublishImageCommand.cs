using System;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Pushes images to their registry (docker push).</para>
    /// <para type="description">Pushes each repo:tag named or piped (Add-ImageTag -PassThru emits them)
    /// to the registry its name starts with, showing a progress bar per layer, and emits the image as it
    /// is afterwards (with its repository digest). An error inside the engine's stream (denied, unknown
    /// registry, no such tag) is an ImagePushFailed error naming the image, and nothing is emitted for it.
    /// -Credential is sent to the engine for this push only.</para>
    /// </summary>
    [Cmdlet(VerbsData.Publish, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Image))]
    public sealed class PublishImageCommand : ResourceCmdlet<Image, IImageReference>
    {
        /// <summary>The registry account to push with; sent to the engine only, never shown.</summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldProcess(DescribeTarget(target), "Push"))
                {
                    continue;
                }

                try
                {
                    RunWithProgress("Pushing image " + target.DisplayName, (post, token) => target.Engine.Images.PushAsync(target.Reference, Credential, post, token));
                    if (Await(RefreshAsync(target, CancellationToken)) is { } image)
                    {
                        WriteObject(image);
                    }
                }
                catch (Exception e) when (e is EngineException or InvalidSpecException)
                {
                    FailTarget(e, target);
                }
            }
        }
    }
}
