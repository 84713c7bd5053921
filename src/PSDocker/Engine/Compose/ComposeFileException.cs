using System;
using System.Globalization;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>A compose file that cannot be used: bad YAML, an unknown or unsupported key, a missing required variable, a cycle. Names the file, line and column where it can.</summary>
    /// <remarks>
    /// <see cref="Exception.Message"/> is <c>file:line:column: reason</c> (as much of the place as is
    /// known), so any path that shows the message names the place; <see cref="Reason"/> is the bare text.
    /// </remarks>
    internal sealed class ComposeFileException : Exception
    {
        public ComposeFileException(string errorId, string message, string? file = null, int line = 0, int column = 0, ErrorCategory category = ErrorCategory.InvalidData)
            : base(Locate(message, file, line, column))
        {
            ErrorId = errorId;
            Reason = message;
            File = file;
            Line = line;
            Column = column;
            Category = category;
        }

        /// <summary>ComposeYamlInvalid, ComposeKeyUnknown, ComposeKeyUnsupported, ComposeVariableRequired, ComposeDependencyCycle, ComposeFileNotFound, …</summary>
        public string ErrorId { get; }

        /// <summary>The message without the place.</summary>
        public string Reason { get; }

        /// <summary>The file at fault, when one is.</summary>
        public string? File { get; }

        /// <summary>1-based line; 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>1-based column; 0 when unknown.</summary>
        public int Column { get; }

        /// <summary>The PowerShell error category.</summary>
        public ErrorCategory Category { get; }

        /// <summary>
        /// The one translation into an error record for every compose cmdlet: the ErrorId, the category,
        /// the file as the target (the project folder or nothing when no file is at fault), the message
        /// <c>file:line:column: reason</c>.
        /// </summary>
        public ErrorRecord ToErrorRecord(object? fallbackTarget = null) =>
            new ErrorRecord(this, ErrorId, Category, (object?)File ?? fallbackTarget);

        private static string Locate(string message, string? file, int line, int column)
        {
            if (string.IsNullOrEmpty(file))
            {
                return message;
            }

            var place = line > 0
                ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", file, line, column)
                : file!;
            return place + ": " + message;
        }
    }
}
