using System;
using System.IO;
using System.Reflection;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The host file-system features <c>docker cp</c> needs beyond netstandard2.0: Unix permission bits and
    /// symbolic links. They are .NET 6/7 APIs, found at run time, so the module still loads on Windows
    /// PowerShell 5.1, where files have no Unix modes (docker treats them as 0755, see
    /// <see cref="DefaultMode"/>) and links are skipped.
    /// </summary>
    internal static class HostFileSystem
    {
        private static readonly Type? UnixFileModeType = Type.GetType("System.IO.UnixFileMode");
        private static readonly MethodInfo? GetMode = UnixFileModeType is null ? null : typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly MethodInfo? SetMode = UnixFileModeType is null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), UnixFileModeType });
        private static readonly MethodInfo? CreateLink = typeof(File).GetMethod("CreateSymbolicLink", new[] { typeof(string), typeof(string) });
        private static readonly PropertyInfo? LinkTargetProperty = typeof(FileSystemInfo).GetProperty("LinkTarget");

        /// <summary>Whether Unix modes can be read and set here (.NET 7 or later on Linux and macOS).</summary>
        public static bool HasUnixModes => GetMode is not null && SetMode is not null && Path.DirectorySeparatorChar == '/';

        /// <summary>Whether symbolic links can be made here (.NET 6 or later).</summary>
        public static bool CanCreateSymbolicLinks => CreateLink is not null;

        /// <summary>The mode docker gives what comes from a host without Unix modes (Windows): rwxr-xr-x.</summary>
        public const int DefaultMode = 0x1ED; // 0755

        /// <summary>The permission bits of a file or folder (links followed), or <see cref="DefaultMode"/> where there are none.</summary>
        public static int ModeOf(string path)
        {
            if (!HasUnixModes)
            {
                return DefaultMode;
            }

            try
            {
                return Convert.ToInt32(GetMode!.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException ?? e;
            }
        }

        /// <summary>Sets the permission bits (nothing where there are none).</summary>
        public static void SetModeOf(string path, int mode)
        {
            if (!HasUnixModes)
            {
                return;
            }

            try
            {
                SetMode!.Invoke(null, new[] { path, Enum.ToObject(UnixFileModeType!, mode & 0xFFF) });
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException ?? e;
            }
        }

        /// <summary>Creates a symbolic link; false where links cannot be made.</summary>
        public static bool TryCreateSymbolicLink(string path, string target)
        {
            if (CreateLink is null)
            {
                return false;
            }

            try
            {
                CreateLink.Invoke(null, new object[] { path, target });
                return true;
            }
            catch (TargetInvocationException e)
            {
                throw e.InnerException ?? e;
            }
        }

        /// <summary>The target of a symbolic link, or null when the item is not one (or links are unknown here).</summary>
        public static string? LinkTargetOf(FileSystemInfo item) =>
            LinkTargetProperty?.GetValue(item) as string;
    }
}
