using System;
using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Opens an interactive shell in a running container (docker exec -it CONTAINER sh).</para>
    /// <para type="description">The console is put in raw mode and every key goes to the shell as typed (Ctrl+C included); the shell's output goes straight to the console, and the terminal's size follows the window. The session ends when the shell exits ($LASTEXITCODE is its exit code) or when the detach keys are typed (Ctrl+P, Ctrl+Q by default), which leave the shell running. It needs PowerShell's console: elsewhere it stops at once with a ConsoleRequired error; use Invoke-ContainerExec there.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Enter, "Container", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerSessionResult))]
    public sealed class EnterContainerCommand : ContainerSessionCmdlet
    {
        /// <summary>The program to run, with its arguments; <c>sh</c> by default: <c>-Command bash</c>, <c>-Command sh,-l</c>.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Command { get; set; } = { "sh" };

        /// <summary>The user to run as: name, uid, or <c>uid:gid</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>The working directory of the shell inside the container.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("WorkDir")]
        public string? WorkingDirectory { get; set; }

        /// <summary>Environment variables for the shell: <c>@{ NAME = 'value' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Env")]
        public Hashtable? Environment { get; set; }

        /// <summary>Give the shell extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        /// <inheritdoc />
        protected override void Begin()
        {
            base.Begin();
            if (ConsoleUnavailable is not null)
            {
                ThrowConsoleRequired("To run commands without a console, use Invoke-ContainerExec -Command … (docker exec without -it).");
            }
        }

        /// <inheritdoc />
        protected override void Open(ResourceTarget target)
        {
            var containers = target.Engine.Containers;

            // Like docker exec, inspect first: a missing or stopped container is reported before anything is created.
            var detail = Await(containers.InspectAsync(target.Reference, CancellationToken));
            EnsureRunning(detail, target.DisplayName);
            var options = new ExecOptions
            {
                Command = Command,
                User = User,
                WorkingDirectory = WorkingDirectory,
                Environment = EnvironmentVariables.ToList(Environment),
                Privileged = Privileged,
                Tty = true,
                AttachStdin = true,
                DetachKeys = DetachKeys,
            };

            bool detached;
            string execId;
            using (var console = ConsoleTerminal.Open())
            {
                WriteVerbose($"Creating the exec of '{string.Join(" ", Command)}' in container {target.DisplayName}.");
                execId = Await(containers.CreateExecAsync(detail.Id, options, CancellationToken));
                using var connection = Await(containers.StartExecTerminalAsync(execId, target.DisplayName, CancellationToken));
                detached = RunConsoleSession(console, connection, nudgeSize: false);
            }

            long? exitCode = detached ? null : Await(containers.ExecExitAsync(execId, CancellationToken)).ExitCode;
            ReportEnd(new ContainerSessionResult
            {
                Engine = target.Engine.Engine,
                ContainerId = detail.Id,
                ContainerName = detail.Name,
                Command = Command,
                ExitCode = exitCode,
            });
        }
    }
}
