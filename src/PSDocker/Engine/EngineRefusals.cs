using System;
using System.Management.Automation;
using System.Net;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Names the engine's refusals by their message ("is not running", "You cannot remove a running
    /// container", "name is already in use", "No such image"), so each gets its own ErrorId and category
    /// instead of a generic conflict. The engine answers state refusals with 409 (and "is not paused"
    /// with 500), and a missing image or network with the same 404 as a missing container, so the
    /// message decides. Used by <see cref="EngineErrors.ToErrorRecord"/> for every cmdlet.
    /// </summary>
    public static class EngineRefusals
    {
        private static readonly (string Fragment, bool NotFound, string ErrorId, ErrorCategory Category)[] Known =
        {
            ("cannot remove a running container", false, "ContainerRunning", ErrorCategory.ResourceBusy),
            ("cannot remove a paused container", false, "ContainerPaused", ErrorCategory.ResourceBusy),
            ("cannot start a paused container", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            ("is already paused", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            ("is not paused", false, "ContainerNotPaused", ErrorCategory.InvalidOperation),
            ("is not running", false, "ContainerNotRunning", ErrorCategory.InvalidOperation),
            ("is paused, unpause the container", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            ("is restarting", false, "ContainerRestarting", ErrorCategory.ResourceBusy),
            ("is already in use by container", false, "ContainerNameInUse", ErrorCategory.ResourceExists),
            ("is already in progress", false, "ContainerRemovalInProgress", ErrorCategory.ResourceBusy),
            ("no such container", true, "ContainerNotFound", ErrorCategory.ObjectNotFound),
            ("no such image", true, "ImageNotFound", ErrorCategory.ObjectNotFound),
            ("network ", true, "NetworkNotFound", ErrorCategory.ObjectNotFound),
        };

        /// <summary>
        /// The ErrorId and category for an engine refusal, or null when the message is not one of the
        /// known ones (the HTTP status then decides).
        /// </summary>
        public static (string ErrorId, ErrorCategory Category)? Classify(HttpStatusCode status, string message)
        {
            if ((int)status < 400)
            {
                return null;
            }

            var notFound = status == HttpStatusCode.NotFound;
            foreach (var (fragment, onlyNotFound, errorId, category) in Known)
            {
                if (onlyNotFound == notFound && message.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return (errorId, category);
                }
            }

            return null;
        }
    }
}
