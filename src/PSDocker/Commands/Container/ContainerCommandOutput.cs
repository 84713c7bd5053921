using System;
using System.Management.Automation;
using System.Threading;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// How a command run in a container (Invoke-Container, Invoke-ContainerExec) reaches PowerShell:
    /// stdout lines as strings on the output pipeline and stderr lines as error records
    /// (<c>ContainerStandardError</c>), both as they arrive; the exit code in <c>$LASTEXITCODE</c>,
    /// and a non-zero exit as a <c>ContainerExitCode</c> error whose target is the <see cref="ExecResult"/>.
    /// </summary>
    internal sealed class ContainerCommandOutput
    {
        private static readonly string[] EngineStartFailures = { "OCI runtime exec failed", "unable to find user", "unable to find group", "exec failed:" };

        private readonly PSCmdlet _cmdlet;
        private string? _held;

        /// <summary>Creates the writer for one cmdlet.</summary>
        public ContainerCommandOutput(PSCmdlet cmdlet) => _cmdlet = cmdlet;

        /// <summary>
        /// Reads the stream to its end on a background task and writes its lines on the calling
        /// (pipeline) thread. Ctrl+C surfaces as OperationCanceledException within a moment.
        /// </summary>
        /// <remarks>
        /// With <paramref name="holdStartFailure"/> (docker exec), a first line in the engine's words for a
        /// command that could not start ("OCI runtime exec failed: …", "unable to find user …") is held
        /// back: when the exit code then says the command never ran (126/127) it is reported as the
        /// error it is, not as the command's output (see <see cref="ReportExit"/>).
        /// </remarks>
        public void Write(ContainerOutput output, string containerName, CancellationToken cancellation, bool holdStartFailure = false)
        {
            _held = null;
            var first = true;
            using var feed = new PipelineFeed<(OutputStream Stream, string Line)>(cancellation);
            feed.Run(
                (post, token) => output.ReadLinesAsync((which, line) => post((which, line)), token),
                item =>
                {
                    if (first && holdStartFailure && IsStartFailure(item.Line))
                    {
                        first = false;
                        _held = item.Line;
                        return;
                    }

                    first = false;
                    if (_held is not null)
                    {
                        _cmdlet.WriteObject(_held);
                        _held = null;
                    }

                    if (item.Stream == OutputStream.StdErr)
                    {
                        _cmdlet.WriteError(new ErrorRecord(new RemoteException(item.Line), "ContainerStandardError", ErrorCategory.NotSpecified, containerName));
                    }
                    else
                    {
                        _cmdlet.WriteObject(item.Line);
                    }
                });
        }

        /// <summary>Sets <c>$LASTEXITCODE</c> and writes the error for a non-zero exit.</summary>
        public void ReportExit(ExecResult result)
        {
            SetLastExitCode(result.ExitCode);
            if (_held is { } held)
            {
                _held = null;
                if (result.ExitCode is 126 or 127)
                {
                    var notFound = held.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0 || held.IndexOf("no such file", StringComparison.OrdinalIgnoreCase) >= 0;
                    _cmdlet.WriteError(new ErrorRecord(
                        new InvalidOperationException($"The command '{string.Join(" ", result.Command)}' could not be started in container {result.ContainerName}: {held}"),
                        "ContainerCommandNotStarted",
                        notFound ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidOperation,
                        result));
                    return;
                }

                _cmdlet.WriteObject(held);
            }

            if (result.ExitCode != 0)
            {
                _cmdlet.WriteError(new ErrorRecord(new ContainerExitException(result), "ContainerExitCode", ErrorCategory.NotSpecified, result));
            }
        }

        /// <summary>
        /// Sets $LASTEXITCODE for a command that never ran, with the docker CLI's codes: 127 when the
        /// executable was not found, 126 when it could not be run, else 125 (the engine refused).
        /// </summary>
        public void ReportNotRun(Exception? cause = null) => SetLastExitCode(NotRunExitCode(cause));

        /// <summary>The docker CLI's exit code for a command that could not be started.</summary>
        public static int NotRunExitCode(Exception? cause)
        {
            var message = cause?.Message ?? string.Empty;
            if (message.IndexOf("executable file not found", StringComparison.OrdinalIgnoreCase) >= 0
                || message.IndexOf("no such file or directory", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return 127;
            }

            return message.IndexOf("permission denied", StringComparison.OrdinalIgnoreCase) >= 0 ? 126 : 125;
        }

        private static bool IsStartFailure(string line)
        {
            foreach (var start in EngineStartFailures)
            {
                if (line.StartsWith(start, StringComparison.Ordinal) || (start == "exec failed:" && line.IndexOf(start, StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Sets <c>$global:LASTEXITCODE</c>, as a native command does.</summary>
        public void SetLastExitCode(long code) =>
            _cmdlet.SessionState.PSVariable.Set("global:LASTEXITCODE", unchecked((int)code));
    }
}
