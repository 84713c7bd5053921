using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Saves images to one tar archive (docker save -o).</para>
    /// <para type="description">Writes every image named or piped into one archive that Import-Image (docker
    /// load) reads back, with the tags named (an id saves the image with all its tags). The archive is
    /// streamed to a temporary file beside -Path and renamed only when complete: an existing file is
    /// replaced only with -Force, and Ctrl+C or a failure leaves no file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveImageCommand : ArchiveCmdlet<Image, IImageReference>
    {
        /// <inheritdoc />
        protected override void WriteArchiveOf(IReadOnlyList<ResourceTarget> targets)
        {
            var engines = targets.Select(t => t.Engine).Distinct().ToList();
            if (engines.Count > 1)
            {
                ThrowArgumentError("The images come from several engines; an archive holds the images of one engine. Save each engine's images to a file of its own.", "ImagesOnSeveralEngines", Path);
            }

            var engine = engines[0];
            var references = targets.Select(t => t.Reference).Distinct(StringComparer.Ordinal).ToList();
            var names = string.Join(", ", targets.Select(t => t.DisplayName).Distinct(StringComparer.Ordinal));
            if (!ShouldProcess(ResolvedPath + OnEngine(engine), "Save images " + names))
            {
                return;
            }

            // Like docker save, one missing image saves nothing; each is reported.
            var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
            var missing = false;
            foreach (var target in targets)
            {
                if (Await(engine.Images.FindAsync(target.Reference, CancellationToken)) is { } image)
                {
                    sizes[image.Id] = image.Size;
                }
                else
                {
                    missing = true;
                    WriteError(new ErrorRecord(new ItemNotFoundException($"No image '{target.DisplayName}' was found: nothing was saved."), "ImageNotFound", ErrorCategory.ObjectNotFound, target.UserTarget));
                }
            }

            if (missing)
            {
                return;
            }

            WriteArchive(
                "Saving images " + names,
                sizes.Values.Sum(),
                Path,
                (file, progress, token) => engine.Images.SaveAsync(references, file, progress, token));
        }
    }
}
