using System;
using System.Management.Automation;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Names the engine's refusals that come from a container's state ("is not running", "You cannot
    /// remove a running container", "name is already in use"), so each gets its own ErrorId and category
    /// instead of a generic conflict. The engine answers these with 409, and "is not paused" with 500, so
    /// the message decides, as it does for the docker CLI's users.
    /// </summary>
    public static class ContainerConflicts
    {
        private static readonly (string Fragment, string ErrorId, ErrorCategory Category)[] Known =
        {
            ("cannot remove a running container", "ContainerRunning", ErrorCategory.ResourceBusy),
            ("cannot remove a paused container", "ContainerPaused", ErrorCategory.ResourceBusy),
            ("cannot start a paused container", "ContainerPaused", ErrorCategory.InvalidOperation),
            ("is already paused", "ContainerPaused", ErrorCategory.InvalidOperation),
            ("is not paused", "ContainerNotPaused", ErrorCategory.InvalidOperation),
            ("is not running", "ContainerNotRunning", ErrorCategory.InvalidOperation),
            ("is restarting", "ContainerRestarting", ErrorCategory.ResourceBusy),
            ("is already in use by container", "ContainerNameInUse", ErrorCategory.ResourceExists),
            ("is already in progress", "ContainerRemovalInProgress", ErrorCategory.ResourceBusy),
        };

        /// <summary>
        /// The ErrorId and category for an engine message about a container's state, or null when the
        /// message is not one of them.
        /// </summary>
        public static (string ErrorId, ErrorCategory Category)? Classify(string message)
        {
            foreach (var (fragment, errorId, category) in Known)
            {
                if (message.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return (errorId, category);
                }
            }

            return null;
        }

        /// <summary>
        /// The error record for a container-state refusal by the engine, with the engine's own message;
        /// null for any other failure (the caller falls back to <see cref="EngineErrors.ToErrorRecord"/>).
        /// </summary>
        public static ErrorRecord? ToErrorRecord(Exception exception, object? target)
        {
            if (exception is not DockerApiException api || (int)api.StatusCode < 400 || api.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }

            var message = EngineErrors.EngineMessage(api);
            return Classify(message) is { } kind
                ? new ErrorRecord(new EngineOperationException(message, api), kind.ErrorId, kind.Category, target)
                : null;
        }
    }
}
