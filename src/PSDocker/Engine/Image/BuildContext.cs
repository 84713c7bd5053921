using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using ICSharpCode.SharpZipLib.Tar;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// A local build context as the docker CLI sends it: the folder's files as a tar, minus what the
    /// <c>.dockerignore</c> excludes (the Dockerfile and the <c>.dockerignore</c> are always sent), with
    /// modes, modification times and symbolic links kept and owners set to root. A Dockerfile outside the
    /// folder is added under a generated <c>.dockerfile.*</c> name, which the sent <c>.dockerignore</c>
    /// then lists so that COPY never sees it.
    /// </summary>
    internal sealed class BuildContext
    {
        private const string IgnoreFileName = ".dockerignore";
        private readonly IgnorePatternMatcher _matcher;
        private readonly string? _outsideDockerfile;

        private BuildContext(string root, string dockerfileName, IgnorePatternMatcher matcher, string? outsideDockerfile)
        {
            Root = root;
            DockerfileName = dockerfileName;
            _matcher = matcher;
            _outsideDockerfile = outsideDockerfile;
        }

        /// <summary>The context folder (full path, no trailing separator).</summary>
        public string Root { get; }

        /// <summary>The Dockerfile's name inside the tar, as the engine is told it (slash-separated).</summary>
        public string DockerfileName { get; }

        /// <summary>
        /// Checks the folder and the Dockerfile and reads the <c>.dockerignore</c>: a missing folder is
        /// ContextNotFound, a missing Dockerfile DockerfileNotFound, a malformed pattern DockerIgnoreInvalid.
        /// </summary>
        public static BuildContext Prepare(string contextPath, string? dockerfile)
        {
            var root = Path.GetFullPath(contextPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (root.Length == 0)
            {
                root = Path.GetPathRoot(Path.GetFullPath(contextPath)) ?? contextPath;
            }

            if (!Directory.Exists(root))
            {
                throw File.Exists(root)
                    ? new EngineException($"The build context '{contextPath}' is a file; the context must be a folder.", "ContextNotFolder", ErrorCategory.InvalidArgument)
                    : new EngineException($"Cannot find the build context folder '{contextPath}' because it does not exist.", "ContextNotFound", ErrorCategory.ObjectNotFound);
            }

            string dockerfilePath;
            if (dockerfile is null)
            {
                dockerfilePath = Path.Combine(root, "Dockerfile");
                var lower = Path.Combine(root, "dockerfile");
                if (!File.Exists(dockerfilePath) && File.Exists(lower))
                {
                    dockerfilePath = lower;
                }
            }
            else
            {
                dockerfilePath = Path.GetFullPath(Path.Combine(root, dockerfile));
            }

            if (!File.Exists(dockerfilePath))
            {
                throw new EngineException($"Cannot find the Dockerfile '{dockerfile ?? dockerfilePath}' because it does not exist.", "DockerfileNotFound", ErrorCategory.ObjectNotFound);
            }

            IList<string> patterns;
            var ignorePath = Path.Combine(root, IgnoreFileName);
            if (File.Exists(ignorePath))
            {
                using var reader = new StreamReader(ignorePath, new UTF8Encoding(false), false);
                patterns = IgnoreFileReader.Read(reader);
            }
            else
            {
                patterns = new List<string>();
            }

            var prefix = root + Path.DirectorySeparatorChar;
            var inside = dockerfilePath.StartsWith(prefix, StringComparison.Ordinal);
            var name = inside ? dockerfilePath.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/') : ".dockerfile." + RandomSuffix();
            try
            {
                // As the CLI does: whatever the patterns say, the .dockerignore and the Dockerfile are sent.
                if (IgnorePatternMatcher.Matches(IgnoreFileName, patterns))
                {
                    patterns.Add("!" + IgnoreFileName);
                }

                if (inside && IgnorePatternMatcher.Matches(name, patterns))
                {
                    patterns.Add("!" + name);
                }

                return new BuildContext(root, name, new IgnorePatternMatcher(patterns), inside ? null : dockerfilePath);
            }
            catch (FormatException e)
            {
                throw new EngineException($"The .dockerignore of '{contextPath}' is not valid: {e.Message}", "DockerIgnoreInvalid", ErrorCategory.InvalidData, null, e);
            }
        }

        /// <summary>Writes the context as a tar into <paramref name="output"/> (not closed).</summary>
        public void WriteTar(Stream output, CancellationToken cancellation)
        {
            using var tar = new TarOutputStream(output, Encoding.UTF8) { IsStreamOwner = false };
            var ignoreWritten = false;
            Walk(new DirectoryInfo(Root), string.Empty, null, tar, ref ignoreWritten, cancellation);
            if (_outsideDockerfile is not null)
            {
                var now = DateTime.UtcNow;
                WriteBytes(tar, DockerfileName, File.ReadAllBytes(_outsideDockerfile), 0x180, now); // 0600
                if (!ignoreWritten)
                {
                    WriteBytes(tar, IgnoreFileName, Encoding.UTF8.GetBytes(IgnoreFileName + "\n" + DockerfileName + "\n"), 0x180, now);
                }
            }

            tar.Finish();
        }

        private static string RandomSuffix()
        {
            var bytes = new byte[10];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        private static void WriteBytes(TarOutputStream tar, string name, byte[] content, int mode, DateTime modified)
        {
            using var stream = new MemoryStream(content, writable: false);
            TarEntries.PutFile(tar, name, modified, mode, stream, CancellationToken.None);
        }

        /// <summary>
        /// Walks a folder in name order as moby's archiver does: each path is matched with its parent's
        /// results; an excluded folder is skipped unless an exception names something inside it, in which
        /// case only the re-included items under it are sent.
        /// </summary>
        private void Walk(DirectoryInfo folder, string relative, bool[]? parentMatches, TarOutputStream tar, ref bool ignoreWritten, CancellationToken cancellation)
        {
            foreach (var item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                cancellation.ThrowIfCancellationRequested();
                var path = relative.Length == 0 ? item.Name : relative + "/" + item.Name;
                bool skip;
                bool[] matches;
                try
                {
                    skip = _matcher.MatchesUsingParentResults(path, parentMatches, out matches);
                }
                catch (FormatException e)
                {
                    throw new EngineException($"The .dockerignore of the build context is not valid: {e.Message}", "DockerIgnoreInvalid", ErrorCategory.InvalidData, null, e);
                }

                var link = HostFileSystem.LinkTargetOf(item);
                var isFolder = item is DirectoryInfo && link is null;
                if (skip)
                {
                    if (isFolder && _matcher.HasExceptions && _matcher.Patterns.Any(p => p.IsException && (p.Text + "/").StartsWith(path + "/", StringComparison.Ordinal)))
                    {
                        Walk((DirectoryInfo)item, path, matches, tar, ref ignoreWritten, cancellation);
                    }

                    continue;
                }

                if (link is not null)
                {
                    TarEntries.PutLink(tar, path, item.LastWriteTimeUtc, link);
                }
                else if (isFolder)
                {
                    TarEntries.PutFolder(tar, path, item.LastWriteTimeUtc, HostFileSystem.ModeOf(item.FullName) & 0xFFF);
                    Walk((DirectoryInfo)item, path, matches, tar, ref ignoreWritten, cancellation);
                }
                else if (_outsideDockerfile is not null && path == IgnoreFileName)
                {
                    var content = File.ReadAllBytes(item.FullName).Concat(Encoding.UTF8.GetBytes("\n" + DockerfileName + "\n")).ToArray();
                    WriteBytes(tar, path, content, HostFileSystem.ModeOf(item.FullName) & 0xFFF, item.LastWriteTimeUtc);
                    ignoreWritten = true;
                }
                else
                {
                    WriteFile(tar, path, (FileInfo)item, cancellation);
                }
            }
        }

        private static void WriteFile(TarOutputStream tar, string path, FileInfo file, CancellationToken cancellation)
        {
            FileStream input;
            try
            {
                input = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 81920);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new EngineException($"Cannot read '{file.FullName}' of the build context: {e.Message}", "ContextFileUnreadable", ErrorCategory.PermissionDenied, null, e);
            }

            using (input)
            {
                if (!TarEntries.PutFile(tar, path, file.LastWriteTimeUtc, HostFileSystem.ModeOf(file.FullName) & 0xFFF, input, cancellation))
                {
                    throw new EngineException($"'{file.FullName}' of the build context shrank while it was sent.", "ContextFileChanged", ErrorCategory.ReadError);
                }
            }
        }
    }
}
