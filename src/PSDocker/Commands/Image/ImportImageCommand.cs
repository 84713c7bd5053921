using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Loads images from tar archives (docker load).</para>
    /// <para type="description">Sends each archive (as Save-Image or docker save writes them) to the engine,
    /// streamed from disk with a progress bar per layer, and emits the images it loaded: one Image per
    /// tag the archive carried, or the untagged image. Paths come from the pipeline too
    /// (Get-ChildItem *.tar | Import-Image).</para>
    /// </summary>
    [Cmdlet(VerbsData.Import, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Image))]
    public sealed class ImportImageCommand : DockerCmdlet
    {
        /// <summary>The archive files to load.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("FullName", "PSPath", "Input")]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var given in Path)
            {
                var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
                if (!File.Exists(path))
                {
                    WriteError(new ErrorRecord(new FileNotFoundException($"The archive '{path}' does not exist.", path), "ArchiveNotFound", ErrorCategory.ObjectNotFound, given));
                    continue;
                }

                foreach (var engine in TargetEngines)
                {
                    if (!ShouldProcess(path + OnEngine(engine), "Load images"))
                    {
                        continue;
                    }

                    try
                    {
                        System.Collections.Generic.IList<string> loaded = Array.Empty<string>();
                        using (var archive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                        {
                            RunWithProgress("Loading images from " + path, async (post, token) => loaded = await engine.Images.LoadAsync(archive, path, post, token).ConfigureAwait(false));
                        }

                        if (loaded.Count == 0)
                        {
                            continue;
                        }

                        var listing = Await(engine.Images.ListAsync(new ImageQuery(), CancellationToken));
                        foreach (var reference in loaded)
                        {
                            foreach (var image in listing.Where(i => i.Reference == reference || (i.Id == reference && i.Dangling)))
                            {
                                WriteObject(image);
                            }
                        }
                    }
                    catch (EngineException e)
                    {
                        Fail(e, given);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        WriteError(new ErrorRecord(e, "ArchiveReadFailed", ErrorCategory.ReadError, given));
                    }
                }
            }
        }
    }
}
