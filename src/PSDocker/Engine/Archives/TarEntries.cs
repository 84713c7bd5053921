using System;
using System.IO;
using System.Threading;
using ICSharpCode.SharpZipLib.Tar;

namespace PSDocker.EngineAccess
{
    /// <summary>The tar entries PSDocker sends to the engine (docker cp's archives, build contexts).</summary>
    internal static class TarEntries
    {
        private const int LinkMode = 0x1FF; // 0777, as links have
        private const int BufferSize = 81920;
        private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>
        /// An entry owned by root (uid and gid 0, no names), as the docker CLI sends files, with the
        /// host file's time (never before 1970, which tar cannot say).
        /// </summary>
        public static TarEntry OwnedByRoot(string name, DateTime modifiedUtc)
        {
            var entry = TarEntry.CreateTarEntry(name);
            var header = entry.TarHeader;
            header.UserId = 0;
            header.GroupId = 0;
            header.UserName = string.Empty;
            header.GroupName = string.Empty;
            entry.ModTime = modifiedUtc < Epoch ? Epoch : modifiedUtc;
            return entry;
        }

        /// <summary>Writes a symbolic link to <paramref name="target"/> (the link's own text, not followed).</summary>
        public static void PutLink(TarOutputStream tar, string name, DateTime modifiedUtc, string target)
        {
            var entry = OwnedByRoot(name, modifiedUtc);
            entry.TarHeader.TypeFlag = TarHeader.LF_SYMLINK;
            entry.TarHeader.LinkName = target;
            entry.TarHeader.Mode = LinkMode;
            entry.Size = 0;
            tar.PutNextEntry(entry);
            tar.CloseEntry();
        }

        /// <summary>Writes a folder entry (<c>name/</c>); its contents are entries of their own.</summary>
        public static void PutFolder(TarOutputStream tar, string name, DateTime modifiedUtc, int mode)
        {
            var entry = OwnedByRoot(name.TrimEnd('/') + "/", modifiedUtc);
            entry.TarHeader.TypeFlag = TarHeader.LF_DIR;
            entry.TarHeader.Mode = mode;
            entry.Size = 0;
            tar.PutNextEntry(entry);
            tar.CloseEntry();
        }

        /// <summary>
        /// Writes a regular file of <paramref name="content"/>'s length (taken once, as the entry's size).
        /// False, with the entry left open, when the content ends sooner (a host file that shrank while it
        /// was read): the caller fails the archive, which can then never hold a short entry.
        /// </summary>
        public static bool PutFile(TarOutputStream tar, string name, DateTime modifiedUtc, int mode, Stream content, CancellationToken cancellation)
        {
            var entry = OwnedByRoot(name, modifiedUtc);
            entry.TarHeader.TypeFlag = TarHeader.LF_NORMAL;
            entry.TarHeader.Mode = mode;
            entry.Size = content.Length;
            tar.PutNextEntry(entry);
            var buffer = new byte[(int)Math.Min(BufferSize, Math.Max(1, entry.Size))];
            var left = entry.Size;
            int read;
            while (left > 0 && (read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                tar.Write(buffer, 0, read);
                left -= read;
            }

            if (left > 0)
            {
                return false;
            }

            tar.CloseEntry();
            return true;
        }
    }
}
