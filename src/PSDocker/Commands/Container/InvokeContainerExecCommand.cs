using System;
using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs a command in running containers (docker exec): streams its output and sets $LASTEXITCODE.</para>
    /// <para type="description">Stdout lines are written to the pipeline as strings and stderr lines to the error stream as they arrive; a non-zero exit code is a ContainerExitCode error. Containers are handled one after the other.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "ContainerExec", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(string), typeof(ExecResult))]
    public sealed class InvokeContainerExecCommand : ResourceCmdlet<Container, IContainerReference>
    {
        private ContainerCommandOutput? _output;

        /// <summary>The command to run, program first: <c>-Command cat,/etc/hostname</c>.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Command { get; set; } = Array.Empty<string>();

        /// <summary>The user to run as: name, uid, or <c>uid:gid</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? User { get; set; }

        /// <summary>The working directory of the command inside the container.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("WorkDir")]
        public string? WorkingDirectory { get; set; }

        /// <summary>Environment variables for the command: <c>@{ NAME = 'value' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        [Alias("Env")]
        public Hashtable? Environment { get; set; }

        /// <summary>Give the command extended privileges.</summary>
        [Parameter]
        public SwitchParameter Privileged { get; set; }

        /// <summary>Give the command a pseudo-terminal; its output is then one stream.</summary>
        [Parameter]
        public SwitchParameter Tty { get; set; }

        /// <summary>Start the command in the background and return at once (docker exec -d).</summary>
        [Parameter]
        public SwitchParameter Detach { get; set; }

        /// <summary>Also emit an ExecResult (container, command, exit code) after each command's output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private ContainerCommandOutput Output => _output ??= new ContainerCommandOutput(this);

        /// <inheritdoc />
        protected override void Begin()
        {
            if (Detach && PassThru)
            {
                ThrowArgumentError("-PassThru reports the exit code, which a command started with -Detach does not wait for; use one or the other.", "DetachWithPassThru", null);
            }
        }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var target in ResolveTargets())
            {
                if (!ShouldProcess(DescribeTarget(target), "Run '" + string.Join(" ", Command) + "'"))
                {
                    continue;
                }

                // Until the command has run, it failed (docker exec's 126): never a stale code from before.
                Output.ReportNotRun();

                try
                {
                    Exec(target);
                }
                catch (Exception e) when (!IsCancellation(e))
                {
                    Output.ReportNotRun(e);
                    FailTarget(e, target);
                }
            }
        }

        private void Exec(ResourceTarget target)
        {
            var containers = target.Engine.Containers;
            var options = new ExecOptions
            {
                Command = Command,
                User = User,
                WorkingDirectory = WorkingDirectory,
                Environment = EnvironmentVariables.ToList(Environment),
                Privileged = Privileged,
                Tty = Tty,
                Detach = Detach,
            };
            WriteVerbose($"Creating the exec of '{string.Join(" ", Command)}' in container {target.DisplayName}.");
            var execId = Await(containers.CreateExecAsync(target.Reference, options, CancellationToken));
            if (Detach)
            {
                Await(containers.StartExecDetachedAsync(execId, Tty, CancellationToken));
                Output.SetLastExitCode(0);
                return;
            }

            using (var output = Await(containers.StartExecAsync(execId, Tty, target.DisplayName, CancellationToken)))
            {
                Output.Write(output, target.DisplayName, CancellationToken, holdStartFailure: true);
            }

            var (code, containerId) = Await(containers.ExecExitAsync(execId, CancellationToken));
            var result = new ExecResult
            {
                Engine = target.Engine.Engine,
                ContainerId = containerId,
                ContainerName = target.DisplayName,
                Command = Command,
                ExitCode = code,
            };
            Output.ReportExit(result);
            if (PassThru)
            {
                WriteObject(result);
            }
        }
    }
}
