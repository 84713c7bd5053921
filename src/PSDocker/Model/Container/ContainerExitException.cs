using System;

namespace PSDocker
{
    /// <summary>
    /// A command run in a container (Invoke-Container, Invoke-ContainerExec) exited with a non-zero code.
    /// It is written as a non-terminating error whose target is the <see cref="ExecResult"/>; the code
    /// is also in <c>$LASTEXITCODE</c>.
    /// </summary>
    public sealed class ContainerExitException : Exception
    {
        /// <summary>Creates the exception for a finished command.</summary>
        public ContainerExitException(ExecResult result)
            : base(Describe(result))
        {
            Result = result;
        }

        /// <summary>How the command ended.</summary>
        public ExecResult Result { get; }

        /// <summary>The command's exit code.</summary>
        public long ExitCode => Result.ExitCode;

        private static string Describe(ExecResult result)
        {
            var command = result.Command.Length > 0 ? "'" + string.Join(" ", result.Command) + "'" : "The command";
            var container = result.ContainerName.Length > 0 ? result.ContainerName : result.ContainerId;
            return $"{command} in container '{container}' exited with code {result.ExitCode}.";
        }
    }
}
