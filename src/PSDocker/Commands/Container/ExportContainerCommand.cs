using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Exports a container's file system to a tar archive (docker export -o).</para>
    /// <para type="description">Writes the container's file system (not its volumes) as a tar that New-Image
    /// -FileSystem (docker import) makes an image of. The archive is streamed to a temporary file beside
    /// -Path and renamed only when complete: an existing file is replaced only with -Force, and Ctrl+C or a
    /// failure leaves no file.</para>
    /// </summary>
    [Cmdlet(VerbsData.Export, "Container", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportContainerCommand : ArchiveCmdlet<Container, IContainerReference>
    {
        /// <inheritdoc />
        protected override void WriteArchiveOf(IReadOnlyList<ResourceTarget> targets)
        {
            if (targets.Count > 1)
            {
                ThrowArgumentError($"{targets.Count} containers were named; an export archive holds one container's file system. Export each to a file of its own.", "SeveralContainers", Path);
            }

            var target = targets[0];
            if (!ShouldProcess(ResolvedPath, "Export container " + DescribeTarget(target)))
            {
                return;
            }

            WriteArchive(
                "Exporting container " + target.DisplayName,
                null,
                target.UserTarget,
                (file, progress, token) => target.Engine.Containers.ExportAsync(target.Reference, file, progress, token));
        }
    }
}
