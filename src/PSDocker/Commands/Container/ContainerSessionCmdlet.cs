using System;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the cmdlets that open an interactive session with one container (Enter-Container,
    /// Connect-Container): the detach keys, -PassThru, the one-container rule, the checks of the
    /// container's state, the console session and how its end is reported ($LASTEXITCODE,
    /// <see cref="ContainerSessionResult"/>).
    /// </summary>
    public abstract class ContainerSessionCmdlet : ResourceCmdlet<Container, IContainerReference>
    {
        private byte[] _detachKeys = Array.Empty<byte>();
        private string? _sessionWith;

        /// <summary>
        /// The keys that end the session and leave the process running, in the docker CLI's syntax:
        /// comma-separated single characters, <c>ctrl-a</c>…<c>ctrl-z</c>, <c>ctrl-@</c>, <c>ctrl-[</c>,
        /// <c>ctrl-\</c>, <c>ctrl-]</c>, <c>ctrl-^</c>, <c>ctrl-_</c> or <c>DEL</c>. The default is <c>ctrl-p,ctrl-q</c>.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DetachKeys { get; set; } = EngineAccess.DetachKeys.Default;

        /// <summary>Emit a ContainerSessionResult when the session ends: the exit code, or that it was detached.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Why this session has no console for a terminal session; null when it has one.</summary>
        protected string? ConsoleUnavailable { get; private set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            try
            {
                _detachKeys = EngineAccess.DetachKeys.Parse(DetachKeys);
            }
            catch (InvalidSpecException e)
            {
                ThrowArgumentError(e.Message, e.ErrorId, DetachKeys);
            }

            ConsoleUnavailable = ConsoleTerminal.Unavailable(Host);
        }

        /// <inheritdoc />
        protected override void Process()
        {
            var targets = ResolveTargets().ToList();
            if (targets.Count == 0)
            {
                return;
            }

            if (targets.Count > 1 || _sessionWith is not null)
            {
                var named = targets.Count > 1
                    ? $"{targets.Count} containers were named ({string.Join(", ", targets.Select(t => t.DisplayName))})"
                    : $"container {targets[0].DisplayName} came after {_sessionWith}";
                WriteError(new ErrorRecord(
                    new ArgumentException($"{MyInvocation.MyCommand.Name} opens a session with one container, and {named}. Name one container."),
                    "SingleContainerExpected",
                    ErrorCategory.InvalidArgument,
                    targets.Count > 1 ? targets.Select(t => t.UserTarget).ToArray() : targets[0].UserTarget));
                return;
            }

            var target = targets[0];
            _sessionWith = target.DisplayName;
            try
            {
                Open(target);
            }
            catch (Exception e) when (!IsCancellation(e) && e is not PipelineStoppedException)
            {
                // A PipelineStoppedException is a later command that has had enough (Select-Object -First):
                // it ends this one quietly, as it ends Get-ContainerLog -Follow.
                FailTarget(e, target);
            }
        }

        /// <summary>Opens the session with one container.</summary>
        protected abstract void Open(ResourceTarget target);

        /// <summary>
        /// Refuses a container that is not running, as the docker CLI does before <c>exec</c> and <c>attach</c>.
        /// </summary>
        protected static void EnsureRunning(ContainerDetail detail, string displayName)
        {
            if (detail.State.Paused)
            {
                throw new EngineException($"Container '{displayName}' is paused: resume it with Resume-Container first.", "ContainerPaused", ErrorCategory.InvalidOperation);
            }

            if (detail.State.Restarting)
            {
                throw new EngineException($"Container '{displayName}' is restarting: wait until it is running.", "ContainerRestarting", ErrorCategory.ResourceBusy);
            }

            if (!detail.State.Running)
            {
                throw new EngineException($"Container '{displayName}' is not running: start it with Start-Container first.", "ContainerNotRunning", ErrorCategory.InvalidOperation);
            }
        }

        /// <summary>
        /// Runs a terminal session between the console (in raw mode until it ends) and the container's
        /// terminal; true when the detach keys ended it. Ctrl+C stops the pipeline; the process keeps running.
        /// </summary>
        protected bool RunConsoleSession(ITerminal console, ContainerTerminal connection, bool nudgeSize)
        {
            var session = new TerminalSession(connection, console, _detachKeys) { NudgeSize = nudgeSize };
            return Await(session.RunAsync(CancellationToken));
        }

        /// <summary>Reports how a session ended: <c>$LASTEXITCODE</c> (0 when detached) and, with -PassThru, the result.</summary>
        protected void ReportEnd(ContainerSessionResult result)
        {
            if (result.Detached)
            {
                WriteVerbose($"Detached from container {result.ContainerName}: '{string.Join(" ", result.Command)}' keeps running.");
            }

            new ContainerCommandOutput(this).SetLastExitCode(result.ExitCode ?? 0);
            if (PassThru)
            {
                WriteObject(result);
            }
        }

        /// <summary>The terminating error of a session that needs a console where there is none.</summary>
        protected void ThrowConsoleRequired(string alternative)
        {
            ThrowTerminatingError(new ErrorRecord(
                new System.Management.Automation.Host.HostException($"{MyInvocation.MyCommand.Name} needs an interactive console, and this session has none: {ConsoleUnavailable}. {alternative}"),
                "ConsoleRequired",
                ErrorCategory.InvalidOperation,
                null));
        }
    }
}
