using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Copies files and folders between a container and the host (docker cp).</para>
    /// <para type="description">Out of a container by default: -Path is in the container, -Destination on
    /// the host. With -ToContainer the other way: -Path on the host, -Destination in the container.
    /// Relative host paths are relative to the current FileSystem location. The semantics are docker
    /// cp's: a folder copied into an existing folder goes inside it, a trailing /. copies a folder's
    /// contents, an existing file is overwritten. Modes and modification times are kept.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Copy, "ContainerItem", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    public sealed class CopyContainerItemCommand : DockerCmdlet
    {
        private const int ProgressId = 1;

        /// <summary>The container: a name, id or unique id prefix.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Name)]
        [ValidateNotNull]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public NameOrId? Container { get; set; }

        /// <summary>The container, piped (what Get-Container and New-Container emit).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        [ValidateNotNull]
        public IContainerReference? InputObject { get; set; }

        /// <summary>What to copy: a path in the container, or on the host with -ToContainer.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Where to copy it: a path on the host, or in the container with -ToContainer.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = string.Empty;

        /// <summary>Copy from the host into the container.</summary>
        [Parameter]
        public SwitchParameter ToContainer { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Container";

        /// <inheritdoc />
        protected override void Process()
        {
            var engines = InputObject is not null ? EnginesFor(InputObject.Engine) : TargetEngines;
            if (engines.Count != 1)
            {
                ThrowArgumentError("Copy-ContainerItem copies with one engine at a time: give one -Context or -DockerHost.", "MultipleEngines", null);
            }

            var engine = engines[0];
            object userTarget = InputObject is not null ? InputObject : Container!.Value;
            string id, name;
            if (InputObject is { ResourceName.Length: > 0 })
            {
                (id, name) = (InputObject.ResourceId, InputObject.ResourceName);
            }
            else
            {
                try
                {
                    var detail = Await(engine.Containers.InspectAsync(InputObject?.ResourceId ?? Container!.Value, CancellationToken));
                    (id, name) = (detail.Id, detail.Name);
                }
                catch (EngineException e)
                {
                    Fail(e, userTarget);
                    return;
                }
            }

            string hostPath;
            try
            {
                hostPath = HostPath(ToContainer ? Path : Destination);
            }
            catch (Exception e) when (e is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException or NotSupportedException or ArgumentException or PSInvalidOperationException)
            {
                WriteError(new ErrorRecord(e, "InvalidHostPath", ErrorCategory.InvalidArgument, ToContainer ? Path : Destination));
                return;
            }

            var from = ToContainer ? hostPath : name + ":" + Path;
            var to = ToContainer ? name + ":" + Destination : hostPath;
            if (!ShouldProcess(from + " -> " + to + OnEngine(engine), "Copy"))
            {
                return;
            }

            var copy = new ContainerItemCopy(engine, id, name);
            var activity = "Copying " + from + " to " + to;
            long copied = 0;
            try
            {
                using var feed = new PipelineFeed<(long Done, long? Total)>(CancellationToken);
                feed.Run(
                    (post, token) =>
                    {
                        var clock = Stopwatch.StartNew();
                        var last = TimeSpan.Zero;
                        void Report(long done, long? total)
                        {
                            copied = done;
                            if (clock.Elapsed - last >= TimeSpan.FromMilliseconds(200))
                            {
                                last = clock.Elapsed;
                                post((done, total));
                            }
                        }

                        return ToContainer
                            ? copy.CopyToContainerAsync(hostPath, Destination, Report, token)
                            : copy.CopyFromContainerAsync(Path, hostPath, Report, token);
                    },
                    progress => WriteProgress(Progress(activity, progress.Done, progress.Total)));
            }
            catch (Exception e) when (IsCancellation(e))
            {
                Fail(e, null);
                return;
            }
            catch (ArchiveCopyException e)
            {
                WriteError(new ErrorRecord(e, e.ErrorId, e.Category, e.ErrorId == "HostPathNotFound" ? Path : ToContainer ? Destination : Path));
                return;
            }
            catch (EngineException e) when (e.ErrorId is "ContainerPathNotFound" or "ContainerPathNotDirectory" or "ContainerPathConflict" or "ContainerReadOnly")
            {
                Fail(e, ToContainer ? Destination : Path);
                return;
            }
            catch (EngineException e)
            {
                Fail(e, userTarget);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "CopyFailed", ErrorCategory.WriteError, ToContainer ? Path : Destination));
                return;
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            foreach (var warning in copy.Warnings)
            {
                WriteWarning(warning);
            }

            WriteVerbose($"Copied {DisplayText.Size(copied)} from {from} to {to}.");
        }

        private static ProgressRecord Progress(string activity, long done, long? total)
        {
            var status = total is > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0} of {1}", DisplayText.Size(done), DisplayText.Size(total.Value))
                : DisplayText.Size(done) + " copied";
            var record = new ProgressRecord(ProgressId, activity, status);
            if (total is > 0)
            {
                record.PercentComplete = (int)Math.Min(100, done * 100 / total.Value);
            }

            return record;
        }

        /// <summary>
        /// A host path as a full path, relative ones against the current FileSystem location, keeping a
        /// trailing separator or <c>/.</c> the user typed (docker cp reads meaning into both).
        /// </summary>
        private string HostPath(string path)
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            var separators = System.IO.Path.DirectorySeparatorChar == '/' ? new[] { '/' } : new[] { '\\', '/' };
            var currentDir = path == "." || (path.Length >= 2 && path[path.Length - 1] == '.' && Array.IndexOf(separators, path[path.Length - 2]) >= 0);
            var trailing = path.Length > 0 && Array.IndexOf(separators, path[path.Length - 1]) >= 0;
            full = full.TrimEnd(separators);
            if (full.EndsWith(System.IO.Path.DirectorySeparatorChar + ".", StringComparison.Ordinal))
            {
                full = full.Substring(0, full.Length - 2);
            }

            if (full.Length == 0 || (full.Length == 2 && full[1] == ':'))
            {
                full += System.IO.Path.DirectorySeparatorChar;
            }

            if (currentDir)
            {
                return full.TrimEnd(separators) + System.IO.Path.DirectorySeparatorChar + ".";
            }

            return trailing && !full.EndsWith(System.IO.Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full + System.IO.Path.DirectorySeparatorChar : full;
        }
    }
}
