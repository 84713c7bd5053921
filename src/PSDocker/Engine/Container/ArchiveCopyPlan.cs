using System;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Where <c>docker cp</c> extracts an archive and how it renames its top entry, decided from what the
    /// source and the destination are (moby's <c>archive.PrepareArchiveCopy</c>): into an existing folder
    /// as it is; otherwise into the destination's parent, the source's top entry renamed to the
    /// destination's name (so a copy to a new or existing file name takes that name, and a folder copied to
    /// a new name becomes that folder). A source ending in <c>/.</c> has the top entry <c>.</c>: its contents.
    /// </summary>
    public sealed class ArchiveCopyPlan
    {
        private ArchiveCopyPlan(string extractDirectory, string? renameFrom, string? renameTo)
        {
            ExtractDirectory = extractDirectory;
            RenameFrom = renameFrom;
            RenameTo = renameTo;
        }

        /// <summary>The folder the archive is extracted into.</summary>
        public string ExtractDirectory { get; }

        /// <summary>The archive's top entry name to replace, or null when entries keep their names.</summary>
        public string? RenameFrom { get; }

        /// <summary>What <see cref="RenameFrom"/> becomes.</summary>
        public string? RenameTo { get; }

        /// <summary>
        /// Decides the copy. <paramref name="separators"/> are the destination's path separators (the
        /// first is the one used to join). Throws <see cref="ArchiveCopyException"/> for a folder onto a
        /// file and for a file onto a folder that does not exist (a destination ending in a separator).
        /// </summary>
        public static ArchiveCopyPlan Prepare(bool sourceIsDirectory, string sourceBase, bool destinationExists, bool destinationIsDirectory, string destinationPath, char[] separators)
        {
            var (destinationDirectory, destinationBase) = SplitPathDirEntry(destinationPath, separators);
            if (destinationExists && destinationIsDirectory)
            {
                return new ArchiveCopyPlan(destinationPath, null, null);
            }

            if (destinationExists && sourceIsDirectory)
            {
                throw new ArchiveCopyException($"Cannot copy the folder onto the file '{destinationPath}'.", "CannotCopyFolderOntoFile");
            }

            if (!destinationExists && !sourceIsDirectory && AssertsDirectory(destinationPath, separators))
            {
                throw new ArchiveCopyException($"The folder '{destinationPath}' does not exist, and a file cannot be copied as a folder.", "DestinationFolderNotFound");
            }

            return new ArchiveCopyPlan(destinationDirectory, sourceBase, destinationBase);
        }

        /// <summary>An archive entry's name after the plan's rename (entries outside the top entry are kept).</summary>
        public string MapEntryName(string name)
        {
            if (RenameFrom is null || RenameTo is null)
            {
                return name;
            }

            if (name == RenameFrom || name == RenameFrom + "/")
            {
                return RenameTo + name.Substring(RenameFrom.Length);
            }

            return name.StartsWith(RenameFrom + "/", StringComparison.Ordinal) ? RenameTo + name.Substring(RenameFrom.Length) : name;
        }

        /// <summary>Whether a path names a folder by its spelling: it ends with a separator or with <c>/.</c>.</summary>
        public static bool AssertsDirectory(string path, char[] separators) =>
            path.Length > 0 && (separators.Contains(path[path.Length - 1]) || SpecifiesCurrentDir(path, separators));

        /// <summary>
        /// Splits a path into its folder and its last entry like moby's <c>SplitPathDirEntry</c>: trailing
        /// separators are dropped, and a path ending in <c>/.</c> has the entry <c>.</c>.
        /// </summary>
        public static (string Directory, string Base) SplitPathDirEntry(string path, char[] separators)
        {
            var separator = separators[0];
            var currentDir = SpecifiesCurrentDir(path, separators);
            var trimmed = path;
            if (currentDir)
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            while (trimmed.Length > 1 && separators.Contains(trimmed[trimmed.Length - 1]) && !IsRoot(trimmed, separators))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            if (currentDir)
            {
                return (trimmed.Length == 0 ? "." : trimmed, ".");
            }

            var cut = trimmed.LastIndexOfAny(separators);
            if (cut < 0)
            {
                return (".", trimmed);
            }

            var directory = trimmed.Substring(0, cut);
            if (directory.Length == 0 || IsRoot(directory + separator, separators))
            {
                directory += separator;
            }

            return (directory, trimmed.Substring(cut + 1));
        }

        private static bool SpecifiesCurrentDir(string path, char[] separators) =>
            path == "." || (path.Length >= 2 && path[path.Length - 1] == '.' && separators.Contains(path[path.Length - 2]));

        // "/" or a Windows drive root such as "C:\".
        private static bool IsRoot(string path, char[] separators) =>
            (path.Length == 1 && separators.Contains(path[0])) || (path.Length == 3 && path[1] == ':' && separators.Contains(path[2]));
    }

    /// <summary>A copy that <c>docker cp</c> refuses before anything is transferred.</summary>
    public sealed class ArchiveCopyException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ArchiveCopyException(string message, string errorId)
            : base(message)
        {
            ErrorId = errorId;
        }

        /// <summary>The ErrorId of the refusal.</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category of the refusal.</summary>
        public System.Management.Automation.ErrorCategory Category => ErrorId switch
        {
            "HostPathNotFound" or "DestinationFolderNotFound" => System.Management.Automation.ErrorCategory.ObjectNotFound,
            "ArchiveEntryInvalid" => System.Management.Automation.ErrorCategory.InvalidData,
            "DestinationNotFileOrFolder" => System.Management.Automation.ErrorCategory.InvalidArgument,
            _ => System.Management.Automation.ErrorCategory.InvalidOperation,
        };
    }
}
