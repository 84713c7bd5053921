using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ICSharpCode.SharpZipLib.Tar;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// <c>docker cp</c> between a container and the host, over the engine's archive endpoints, with the
    /// CLI's semantics (see <see cref="ArchiveCopyPlan"/>). Archives stream through SharpZipLib's tar
    /// reader and writer: a copy out of a container is extracted into a hidden staging folder beside the
    /// destination and moved into place only once complete, so a failure or Ctrl+C leaves no half-written
    /// file; a copy into a container is written to a temporary archive file and uploaded from there.
    /// Modes and modification times are kept; ownership is not (as with docker cp without -a).
    /// </summary>
    public sealed class ContainerItemCopy
    {
        private const string StagingPrefix = ".psdocker-cp-";
        private static readonly char[] ContainerSeparators = { '/' };
        private static readonly char[] HostSeparators = Path.DirectorySeparatorChar == '/' ? new[] { '/' } : new[] { '\\', '/' };

        private readonly EngineConnection _engine;
        private readonly string _containerId;
        private readonly string _containerName;
        private readonly List<string> _warnings = new List<string>();

        /// <summary>Creates a copy for one container (its full id and the name shown in messages).</summary>
        public ContainerItemCopy(EngineConnection engine, string containerId, string containerName)
        {
            _engine = engine;
            _containerId = containerId;
            _containerName = containerName;
        }

        /// <summary>What was skipped (links or devices the host cannot make).</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>
        /// Copies a path of the container to the host (<c>docker cp CONTAINER:SRC DEST</c>).
        /// <paramref name="hostPath"/> is a full path, spelled with a trailing separator or <c>/.</c> when the user did.
        /// <paramref name="progress"/> receives the archive bytes read so far and the total when known.
        /// </summary>
        public async Task CopyFromContainerAsync(string containerPath, string hostPath, Action<long, long?> progress, CancellationToken cancellation)
        {
            var (stat, content) = await InUserWords(_engine.Containers.OpenArchiveAsync(_containerId, containerPath, cancellation)).ConfigureAwait(false);
            using (content)
            using (cancellation.Register(content.Dispose))
            {
                var sourceBase = ArchiveCopyPlan.SplitPathDirEntry(containerPath, ContainerSeparators).Base;
                var trimmed = TrimForStat(hostPath);
                var isDirectory = Directory.Exists(trimmed);
                var exists = isDirectory || File.Exists(trimmed);
                if (!exists)
                {
                    var parent = ArchiveCopyPlan.SplitPathDirEntry(hostPath, HostSeparators).Directory;
                    if (!Directory.Exists(parent))
                    {
                        throw new ArchiveCopyException($"Cannot copy to '{hostPath}': the folder '{parent}' does not exist.", "DestinationFolderNotFound");
                    }
                }

                var plan = ArchiveCopyPlan.Prepare(stat.IsDirectory, sourceBase, exists, isDirectory, hostPath, HostSeparators);
                var target = TrimForStat(plan.ExtractDirectory);
                var staging = Path.Combine(target, StagingPrefix + Guid.NewGuid().ToString("N").Substring(0, 12));
                Directory.CreateDirectory(staging);
                try
                {
                    using var counted = new CountingStream(content, read => progress(read, stat.IsDirectory ? (long?)null : stat.Size), cancellation);
                    using var buffered = new BufferedStream(counted, 1 << 20); // the tar reader asks for 10 KB at a time
                    var tops = Extract(buffered, plan, staging, cancellation);
                    foreach (var top in tops)
                    {
                        MoveIntoPlace(Path.Combine(staging, top), Path.Combine(target, top));
                    }
                }
                finally
                {
                    TryDelete(staging);
                }
            }
        }

        /// <summary>
        /// Copies a host file or folder into the container (<c>docker cp SRC CONTAINER:DEST</c>).
        /// <paramref name="hostPath"/> is a full path (ending in <c>/.</c> to copy a folder's contents).
        /// </summary>
        public async Task CopyToContainerAsync(string hostPath, string containerPath, Action<long, long?> progress, CancellationToken cancellation)
        {
            var (sourceDirectory, sourceBase) = ArchiveCopyPlan.SplitPathDirEntry(hostPath, HostSeparators);
            var sourceRoot = sourceBase == "." ? sourceDirectory : Path.Combine(sourceDirectory, sourceBase);
            var source = Item(sourceRoot);
            if (source is null)
            {
                throw new ArchiveCopyException($"Cannot find path '{hostPath}' because it does not exist.", "HostPathNotFound");
            }

            var sourceIsDirectory = source is DirectoryInfo && HostFileSystem.LinkTargetOf(source) is null;

            var destination = containerPath;
            var stat = await _engine.Containers.StatPathAsync(_containerId, destination, cancellation).ConfigureAwait(false);
            if (stat is { IsSymbolicLink: true })
            {
                // Like docker cp: a destination link is followed, relative to its folder.
                var link = stat.LinkTarget;
                destination = link.StartsWith("/", StringComparison.Ordinal) ? link : ArchiveCopyPlan.SplitPathDirEntry(destination, ContainerSeparators).Directory.TrimEnd('/') + "/" + link;
                stat = await _engine.Containers.StatPathAsync(_containerId, destination, cancellation).ConfigureAwait(false);
            }

            if (stat is not null && !stat.IsDirectory && !stat.IsRegularFile)
            {
                throw new ArchiveCopyException($"The destination '{_containerName}:{containerPath}' must be a folder or a regular file.", "DestinationNotFileOrFolder");
            }

            var plan = ArchiveCopyPlan.Prepare(sourceIsDirectory, sourceBase, stat is not null, stat?.IsDirectory ?? false, destination, ContainerSeparators);
            var archive = Path.Combine(Path.GetTempPath(), "psdocker-cp-" + Guid.NewGuid().ToString("N") + ".tar");
            try
            {
                using (var file = new FileStream(archive, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                using (var tar = new TarOutputStream(file, Encoding.UTF8) { IsStreamOwner = false })
                {
                    WriteItem(tar, source, plan.MapEntryName(sourceBase), cancellation);
                    tar.Finish();
                }

                using var upload = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
                var total = upload.Length;
                using var counted = new CountingStream(upload, sent => progress(sent, total), cancellation);
                await InUserWords(ExtractAsync(plan.ExtractDirectory, counted, cancellation)).ConfigureAwait(false);
            }
            finally
            {
                TryDelete(archive);
            }
        }

        private async Task<bool> ExtractAsync(string directory, Stream archive, CancellationToken cancellation)
        {
            await _engine.Containers.ExtractArchiveAsync(_containerId, directory, archive, cancellation).ConfigureAwait(false);
            return true;
        }

        /// <summary>The engine's messages name the container by its full id; the user knows it by name.</summary>
        private async Task<T> InUserWords<T>(Task<T> call)
        {
            try
            {
                return await call.ConfigureAwait(false);
            }
            catch (EngineException e) when (e.Message.IndexOf(_containerId, StringComparison.Ordinal) >= 0)
            {
                throw e.WithMessage(e.Message.Replace(_containerId, "'" + _containerName + "'"));
            }
        }

        /// <summary>Extracts the archive under the staging folder; returns the top-level names it made.</summary>
        private List<string> Extract(Stream content, ArchiveCopyPlan plan, string staging, CancellationToken cancellation)
        {
            var tops = new List<string>();
            var directories = new List<(string Path, DateTime Modified, int Mode)>();
            var stagingRoot = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
            using var tar = new TarInputStream(content, Encoding.UTF8) { IsStreamOwner = false };
            for (var entry = tar.GetNextEntry(); entry is not null; entry = tar.GetNextEntry())
            {
                cancellation.ThrowIfCancellationRequested();
                var relative = Relative(plan.MapEntryName(entry.Name));
                if (relative.Length == 0)
                {
                    continue; // the extraction folder itself ("./")
                }

                var path = Path.GetFullPath(Path.Combine(staging, relative.Replace('/', Path.DirectorySeparatorChar)));
                if (!path.StartsWith(stagingRoot, StringComparison.Ordinal))
                {
                    throw new ArchiveCopyException($"The archive from container '{_containerName}' has an entry outside its folder: '{entry.Name}'.", "ArchiveEntryInvalid");
                }

                var top = relative.Split('/')[0];
                if (!tops.Contains(top))
                {
                    tops.Add(top);
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var header = entry.TarHeader;
                var modified = DateTime.SpecifyKind(entry.ModTime, DateTimeKind.Utc);
                switch (header.TypeFlag)
                {
                    case TarHeader.LF_DIR:
                        Directory.CreateDirectory(path);
                        directories.Add((path, modified, header.Mode));
                        break;
                    case TarHeader.LF_SYMLINK:
                        if (!HostFileSystem.TryCreateSymbolicLink(path, header.LinkName))
                        {
                            _warnings.Add($"Skipped the symbolic link '{relative}' -> '{header.LinkName}': links cannot be made here.");
                        }

                        break;
                    case TarHeader.LF_LINK:
                        var linked = Path.Combine(staging, Relative(plan.MapEntryName(header.LinkName)).Replace('/', Path.DirectorySeparatorChar));
                        File.Copy(linked, path, true);
                        SetAttributes(path, modified, header.Mode);
                        break;
                    case TarHeader.LF_NORMAL:
                    case TarHeader.LF_OLDNORM:
                    case TarHeader.LF_CONTIG:
                        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920))
                        {
                            tar.CopyEntryContents(file);
                        }

                        SetAttributes(path, modified, header.Mode);
                        break;
                    default:
                        _warnings.Add($"Skipped '{relative}': devices, pipes and sockets are not copied.");
                        break;
                }
            }

            // Folders last, deepest first: writing their contents changed their times.
            foreach (var (path, modified, mode) in directories.OrderByDescending(d => d.Path.Length))
            {
                HostFileSystem.SetModeOf(path, mode);
                Directory.SetLastWriteTimeUtc(path, modified);
            }

            return tops;
        }

        /// <summary>
        /// Moves a staged item to its destination: a new item by one rename, a file over an existing file
        /// by an atomic replace (docker cp overwrites), a folder into an existing folder merged item by item.
        /// </summary>
        private static void MoveIntoPlace(string staged, string destination)
        {
            var stagedItem = Item(staged)!;
            var existing = Item(destination);
            var stagedIsFolder = stagedItem is DirectoryInfo && HostFileSystem.LinkTargetOf(stagedItem) is null;
            var existingIsFolder = existing is DirectoryInfo;
            if (stagedIsFolder)
            {
                if (existing is null)
                {
                    Directory.Move(staged, destination);
                    return;
                }

                if (!existingIsFolder)
                {
                    throw new ArchiveCopyException($"Cannot overwrite the file '{destination}' with a folder.", "DestinationConflict");
                }

                var modified = Directory.GetLastWriteTimeUtc(staged);
                var mode = HostFileSystem.ModeOf(staged);
                foreach (var child in Directory.EnumerateFileSystemEntries(staged).ToList())
                {
                    MoveIntoPlace(child, Path.Combine(destination, Path.GetFileName(child)));
                }

                HostFileSystem.SetModeOf(destination, mode);
                Directory.SetLastWriteTimeUtc(destination, modified);
                return;
            }

            if (existingIsFolder && HostFileSystem.LinkTargetOf(existing!) is null)
            {
                throw new ArchiveCopyException($"Cannot overwrite the folder '{destination}' with a file.", "DestinationConflict");
            }

            if (existing is not null)
            {
                File.Replace(staged, destination, null);
            }
            else
            {
                File.Move(staged, destination);
            }
        }

        /// <summary>Writes a host item (and a folder's contents) into the archive under <paramref name="name"/>.</summary>
        private void WriteItem(TarOutputStream tar, FileSystemInfo item, string name, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            if (HostFileSystem.LinkTargetOf(item) is { } link)
            {
                TarEntries.PutLink(tar, name, item.LastWriteTimeUtc, link);
                return;
            }

            if (item is DirectoryInfo folder)
            {
                TarEntries.PutFolder(tar, name, folder.LastWriteTimeUtc, HostFileSystem.ModeOf(folder.FullName) & 0xFFF);
                foreach (var child in folder.EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    WriteItem(tar, child, name.TrimEnd('/') + "/" + child.Name, cancellation);
                }

                return;
            }

            var file = (FileInfo)item;
            using var input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            if (!TarEntries.PutFile(tar, name, file.LastWriteTimeUtc, HostFileSystem.ModeOf(file.FullName) & 0xFFF, input, cancellation))
            {
                throw new IOException($"'{file.FullName}' shrank while it was copied.");
            }
        }

        private static void SetAttributes(string path, DateTime modified, int mode)
        {
            HostFileSystem.SetModeOf(path, mode);
            File.SetLastWriteTimeUtc(path, modified);
        }

        /// <summary>An archive name relative to the extraction folder: no leading "./" or "/", no trailing "/".</summary>
        private static string Relative(string name)
        {
            var parts = name.Split('/').Where(p => p.Length > 0 && p != ".").ToList();
            if (parts.Contains(".."))
            {
                throw new ArchiveCopyException($"The archive has an entry outside its folder: '{name}'.", "ArchiveEntryInvalid");
            }

            return string.Join("/", parts);
        }

        /// <summary>The item at a path (a link itself, not its target), or null when there is none.</summary>
        private static FileSystemInfo? Item(string path)
        {
            var trimmed = TrimForStat(path);
            var folder = new DirectoryInfo(trimmed);
            if (folder.Exists)
            {
                return folder;
            }

            var file = new FileInfo(trimmed);
            return file.Exists || HostFileSystem.LinkTargetOf(file) is not null ? file : null;
        }

        /// <summary>A path without the trailing separator or "/." that only says "a folder".</summary>
        private static string TrimForStat(string path)
        {
            var (directory, name) = ArchiveCopyPlan.SplitPathDirEntry(path, HostSeparators);
            return name == "." ? directory : Path.Combine(directory, name);
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, true);
                }
                else if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for the user to see; the copy's own outcome matters more.
            }
        }

        /// <summary>A read-only view of a stream that reports how many bytes have been read through it.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly Stream _inner;
            private readonly Action<long> _report;
            private readonly CancellationToken _cancellation;
            private long _count;

            public CountingStream(Stream inner, Action<long> report, CancellationToken cancellation)
            {
                _inner = inner;
                _report = report;
                _cancellation = cancellation;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => _inner.Length;

            public override long Position
            {
                get => _count;
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                // The engine's chunked responses can only be read asynchronously; the tar reader reads
                // synchronously, on a pool thread.
                var read = _inner.ReadAsync(buffer, offset, count, _cancellation).GetAwaiter().GetResult();
                Count(read);
                return read;
            }

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                var read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
                Count(read);
                return read;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            private void Count(int read)
            {
                if (read > 0)
                {
                    _count += read;
                    _report(_count);
                }
            }
        }
    }
}
