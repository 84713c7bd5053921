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
    /// Base of cmdlets that write an engine archive to a file (Save-Image, Export-Container): the
    /// <c>-Path</c> and <c>-Force</c> parameters, and the one way such a file is written — streamed into a
    /// temporary file beside it, renamed only when complete; an existing file is replaced only with
    /// -Force; Ctrl+C or a failure leaves no file, and no temporary one. Bytes written show as progress.
    /// The destination is checked before anything else; the resources named or piped are collected, and
    /// the archive is written once, at the end, by <see cref="WriteArchiveOf"/>.
    /// </summary>
    public abstract class ArchiveCmdlet<T, TRef> : ResourceCmdlet<T, TRef>
        where T : class
        where TRef : class, IResourceReference
    {
        /// <summary>How often the bytes written are shown.</summary>
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

        /// <summary>The archive file to write (a tar file).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Output", "FilePath")]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replace the file if it exists.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emit the written file.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly System.Collections.Generic.List<ResourceTarget> _targets = new System.Collections.Generic.List<ResourceTarget>();

        /// <summary>The full file system path -Path names.</summary>
        protected string ResolvedPath => SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);

        /// <inheritdoc />
        protected override void Begin() => CheckDestination();

        /// <inheritdoc />
        protected override void Process() => _targets.AddRange(ResolveTargets());

        /// <inheritdoc />
        protected override void End()
        {
            if (_targets.Count > 0)
            {
                WriteArchiveOf(_targets);
            }
        }

        /// <summary>Writes the archive of everything named or piped (at least one resource).</summary>
        protected abstract void WriteArchiveOf(System.Collections.Generic.IReadOnlyList<ResourceTarget> targets);

        /// <summary>
        /// Refuses an existing file without -Force (terminating: nothing else can be done), before anything
        /// is asked of the engine.
        /// </summary>
        private void CheckDestination()
        {
            var path = ResolvedPath;
            if (Directory.Exists(path))
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"'{path}' is a directory; -Path names the archive file to write."), "PathIsDirectory", ErrorCategory.InvalidArgument, Path));
            }

            if (File.Exists(path) && !Force)
            {
                ThrowTerminatingError(new ErrorRecord(new IOException($"The file '{path}' exists already; add -Force to replace it."), "FileExists", ErrorCategory.ResourceExists, Path));
            }

            var directory = System.IO.Path.GetDirectoryName(path);
            if (directory is not null && !Directory.Exists(directory))
            {
                ThrowTerminatingError(new ErrorRecord(new DirectoryNotFoundException($"The folder '{directory}' does not exist."), "DirectoryNotFound", ErrorCategory.ObjectNotFound, Path));
            }
        }

        /// <summary>
        /// Streams <paramref name="write"/>'s bytes into the archive file, with progress under
        /// <paramref name="activity"/> (percent against <paramref name="expectedBytes"/> when known).
        /// Emits the file with -PassThru; a failure is reported for <paramref name="target"/>.
        /// </summary>
        protected void WriteArchive(string activity, long? expectedBytes, object target, Func<Stream, Action<long>, CancellationToken, Task> write)
        {
            if (WriteArchiveFile(activity, expectedBytes, target, write) && PassThru)
            {
                WriteObject(new FileInfo(ResolvedPath));
            }
        }

        private bool WriteArchiveFile(string activity, long? expectedBytes, object target, Func<Stream, Action<long>, CancellationToken, Task> write)
        {
            var path = ResolvedPath;
            var temporary = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? ".", "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var clock = Stopwatch.StartNew();
            var committed = false;
            try
            {
                // Written synchronously by the reader (the page cache takes a chunk at once): an asynchronous
                // file on Linux hands every chunk to another pool thread, which costs the CPU the engine
                // needs on a busy machine (measured: issue 15's save benchmark).
                using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: false))
                using (var feed = new PipelineFeed<long>(CancellationToken))
                {
                    var postedAt = TimeSpan.FromSeconds(-1);
                    feed.Run(
                        (post, token) => write(
                            file,
                            bytes =>
                            {
                                // At most five progress updates a second cross to the pipeline thread, not
                                // one per chunk (thousands for an image).
                                if (clock.Elapsed - postedAt >= ProgressInterval)
                                {
                                    postedAt = clock.Elapsed;
                                    post(bytes);
                                }
                            },
                            token),
                        bytes =>
                        {
                            var record = new ProgressRecord(1, activity, string.Format(CultureInfo.InvariantCulture, "{0} written to {1}", DisplayText.Size(bytes), path));
                            if (expectedBytes is > 0)
                            {
                                record.PercentComplete = (int)Math.Min(99, bytes * 100 / expectedBytes.Value);
                            }

                            WriteProgress(record);
                        });
                }

                if (File.Exists(path))
                {
                    File.Replace(temporary, path, null);
                }
                else
                {
                    File.Move(temporary, path);
                }

                committed = true;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(new IOException($"Could not write '{path}': {e.Message}", e), "ArchiveWriteFailed", ErrorCategory.WriteError, Path));
                return false;
            }
            catch (Exception e) when (e is EngineException or OperationCanceledException)
            {
                Fail(e, target);
                return false;
            }
            finally
            {
                if (!committed)
                {
                    try
                    {
                        File.Delete(temporary);
                    }
                    catch (IOException)
                    {
                        // Nothing more can be done; the name marks it as partial.
                    }
                }

                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }
    }
}
