using System;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>A compose file that cannot be used: bad YAML, an unknown or unsupported key, a missing required variable, a cycle. Names the file, line and column where it can.</summary>
    internal sealed class ComposeFileException : Exception
    {
        public ComposeFileException(string errorId, string message, string? file = null, int line = 0, int column = 0, ErrorCategory category = ErrorCategory.InvalidData)
            : base(message)
        {
            ErrorId = errorId;
            File = file;
            Line = line;
            Column = column;
            Category = category;
        }

        /// <summary>ComposeYamlInvalid, ComposeKeyUnknown, ComposeKeyUnsupported, ComposeVariableRequired, ComposeDependencyCycle, ComposeFileNotFound, …</summary>
        public string ErrorId { get; }

        /// <summary>The file at fault, when one is.</summary>
        public string? File { get; }

        /// <summary>1-based line; 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>1-based column; 0 when unknown.</summary>
        public int Column { get; }

        /// <summary>The PowerShell error category.</summary>
        public ErrorCategory Category { get; }
    }
}
