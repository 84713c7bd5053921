using System;
using ICSharpCode.SharpZipLib.Tar;

namespace PSDocker.EngineAccess
{
    /// <summary>The tar entries PSDocker sends to the engine (docker cp's archives, build contexts).</summary>
    internal static class TarEntries
    {
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
    }
}
