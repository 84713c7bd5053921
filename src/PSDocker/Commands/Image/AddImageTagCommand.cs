using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds tags to images (docker tag).</para>
    /// <para type="description">Gives the image a reference names (repo:tag, id) or a piped image each of
    /// the -Tag references, moving a tag that another image had, as docker tag does. -PassThru emits the
    /// image once per new tag, ready for Publish-Image.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "ImageTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Image))]
    public sealed class AddImageTagCommand : ResourceActionCmdlet<Image, IImageReference>
    {
        /// <summary>The new references: <c>[registry/]repository[:tag]</c> (<c>latest</c> when no tag is given).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Tag { get; set; } = System.Array.Empty<string>();

        /// <summary>Emit the image under each new tag.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <inheritdoc />
        protected override string? ShouldProcessAction => "Add tag " + string.Join(", ", Tag);

        /// <inheritdoc />
        protected override void Begin()
        {
            foreach (var tag in Tag)
            {
                try
                {
                    ImageReference.ParseTag(tag);
                }
                catch (InvalidSpecException e)
                {
                    ThrowArgumentError(e.Message, "InvalidTag", tag);
                }
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override async Task<object?> ActAsync(ResourceTarget target, CancellationToken cancellation)
        {
            var tagged = new List<Image>();
            foreach (var tag in Tag)
            {
                await target.Engine.Images.TagAsync(target.Reference, tag, cancellation).ConfigureAwait(false);
                if (PassThru && await target.Engine.Images.FindAsync(ImageReference.Parse(tag).ToString(), cancellation).ConfigureAwait(false) is { } image)
                {
                    tagged.Add(image);
                }
            }

            return PassThru ? tagged : null;
        }
    }
}
