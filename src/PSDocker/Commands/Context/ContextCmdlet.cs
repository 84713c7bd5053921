using System;
using System.IO;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the context cmdlets: they work on the docker configuration folder, not on an engine, so
    /// they have no -Context/-DockerHost of their own. Failures to read or write the folder become error
    /// records with ErrorIds.
    /// </summary>
    public abstract class ContextCmdlet : PSCmdlet
    {
        private ContextStore? _store;

        /// <summary>The context store of this process's docker configuration ($env:DOCKER_CONFIG or ~/.docker), read when first used.</summary>
        protected ContextStore Store => _store ??= ContextStore.ForCurrentProcess();

        /// <summary>Writes a non-terminating error.</summary>
        protected void WriteError(Exception exception, string errorId, ErrorCategory category, object? target) =>
            WriteError(new ErrorRecord(exception, errorId, category, target));

        /// <summary>The error record for a failure to read or write the docker configuration.</summary>
        protected static ErrorRecord ConfigurationError(Exception e, object? target) => e switch
        {
            UnauthorizedAccessException => new ErrorRecord(e, "DockerConfigAccessDenied", ErrorCategory.PermissionDenied, target),
            InvalidDataException => new ErrorRecord(e, "DockerConfigInvalid", ErrorCategory.InvalidData, target),
            _ => new ErrorRecord(e, "DockerConfigWriteFailed", ErrorCategory.WriteError, target),
        };

        /// <summary>Whether an exception is a failure of the configuration files (and so reported, not thrown raw).</summary>
        protected static bool IsConfigurationFailure(Exception e) =>
            e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException;

        /// <summary>The error for a context name that does not exist.</summary>
        protected ErrorRecord NotFound(string name) => new ErrorRecord(
            new ItemNotFoundException($"Docker context '{name}' was not found in '{Store.ConfigDirectory}'. List contexts with Get-ContainerContext."),
            "ContextNotFound",
            ErrorCategory.ObjectNotFound,
            name);
    }
}
