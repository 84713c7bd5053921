using System;
using System.IO;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Makes an image from a file system tar (docker import) or from a container (docker commit).</para>
    /// <para type="description">-FileSystem streams a tar of a root file system (as Export-Container writes
    /// it) to the engine and emits the new image. -Container commits a container's changes as a new image,
    /// with -Message and -Author, pausing it meanwhile unless -NoPause. -Change applies Dockerfile
    /// instructions (CMD, ENV, LABEL, …) to the new image's configuration in both cases.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = FileSystemSet)]
    [OutputType(typeof(Image))]
    public sealed class NewImageCommand : DockerCmdlet
    {
        private const string FileSystemSet = "FileSystem";
        private const string ContainerSet = "Container";

        /// <summary>The tar of a root file system to import (docker import FILE).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSystemSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("FullName")]
        public string FileSystem { get; set; } = string.Empty;

        /// <summary>The container to commit (docker commit CONTAINER): a name, id or id prefix.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ContainerSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string Container { get; set; } = string.Empty;

        /// <summary>The new image's reference, <c>repository[:tag]</c>; without it the image is untagged.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Tag { get; set; }

        /// <summary>The commit message (docker commit -m, docker import -m).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Message { get; set; }

        /// <summary>The author (docker commit -a).</summary>
        [Parameter(ParameterSetName = ContainerSet)]
        [ValidateNotNullOrEmpty]
        public string? Author { get; set; }

        /// <summary>Dockerfile instructions applied to the image's configuration (docker commit/import -c): <c>'CMD ["httpd","-f"]'</c>, <c>'ENV A=1'</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Change { get; set; } = Array.Empty<string>();

        /// <summary>Do not pause the container while it is committed (docker commit --pause=false).</summary>
        [Parameter(ParameterSetName = ContainerSet)]
        public SwitchParameter NoPause { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void Begin()
        {
            if (Tag is not null)
            {
                try
                {
                    ImageReference.ParseTag(Tag);
                }
                catch (InvalidSpecException e)
                {
                    ThrowArgumentError(e.Message, "InvalidTag", Tag);
                }
            }
        }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var engine in TargetEngines)
            {
                if (ParameterSetName == ContainerSet)
                {
                    Commit(engine);
                }
                else
                {
                    Import(engine);
                }
            }
        }

        private void Commit(EngineConnection engine)
        {
            if (!ShouldProcess(Container + OnEngine(engine), "Commit as " + (Tag ?? "an untagged image")))
            {
                return;
            }

            try
            {
                var id = Await(engine.Images.CommitAsync(Container, Tag, Message, Author, Change, !NoPause, CancellationToken));
                Emit(engine, id);
            }
            catch (EngineException e)
            {
                Fail(e, Container);
            }
        }

        private void Import(EngineConnection engine)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(FileSystem);
            if (!File.Exists(path))
            {
                WriteError(new ErrorRecord(new FileNotFoundException($"The file system archive '{path}' does not exist.", path), "ArchiveNotFound", ErrorCategory.ObjectNotFound, FileSystem));
                return;
            }

            if (!ShouldProcess(path + OnEngine(engine), "Import as " + (Tag ?? "an untagged image")))
            {
                return;
            }

            try
            {
                string id = string.Empty;
                using (var rootfs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
                {
                    RunWithProgress("Importing " + path, async (post, token) => id = await engine.Images.ImportFileSystemAsync(rootfs, path, Tag, Message, Change, post, token).ConfigureAwait(false));
                }

                Emit(engine, id);
            }
            catch (EngineException e)
            {
                Fail(e, FileSystem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "ArchiveReadFailed", ErrorCategory.ReadError, FileSystem));
            }
        }

        private void Emit(EngineConnection engine, string id)
        {
            var reference = Tag is null ? id : ImageReference.Parse(Tag).ToString();
            if (Await(engine.Images.FindAsync(reference, CancellationToken)) is { } image)
            {
                WriteObject(image);
            }
        }
    }
}
