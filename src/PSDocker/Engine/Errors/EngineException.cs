using System;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Every failure the engine layer reports: the engine refused (with its own message), answered
    /// something that is not the Docker API, or a stream broke. It carries the ErrorId and category the
    /// cmdlets put on the error record, so no cmdlet classifies engine failures itself and no client
    /// library exception reaches a user.
    /// </summary>
    public class EngineException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public EngineException(string message, string errorId, ErrorCategory category, int? statusCode = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
            StatusCode = statusCode;
        }

        /// <summary>The stable ErrorId (ContainerNotFound, ContainerRunning, …).</summary>
        public string ErrorId { get; }

        /// <summary>The PowerShell error category.</summary>
        public ErrorCategory Category { get; }

        /// <summary>The engine's HTTP status when it answered one.</summary>
        public int? StatusCode { get; }

        /// <summary>The same failure with a message in the user's words (a full id replaced by the name the user gave).</summary>
        public virtual EngineException WithMessage(string message) => new EngineException(message, ErrorId, Category, StatusCode, InnerException);
    }

    /// <summary>The engine could not be reached at all: nothing can proceed against it.</summary>
    public sealed class EngineUnreachableException : EngineException
    {
        /// <summary>Creates the exception.</summary>
        public EngineUnreachableException(string message, string endpoint, Exception? inner)
            : base(message, "EngineUnreachable", ErrorCategory.ConnectionError, null, inner)
        {
            Endpoint = endpoint;
        }

        /// <summary>The endpoint as shown to the user (no credentials).</summary>
        public string Endpoint { get; }

        /// <inheritdoc />
        public override EngineException WithMessage(string message) => this;
    }
}
