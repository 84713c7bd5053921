using System;
using System.Management.Automation;
using System.Threading;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs a command in a new container (docker run): streams its output and sets $LASTEXITCODE, or starts it in the background with -Detach.</para>
    /// <para type="description">In the foreground, stdout lines are written to the pipeline as strings and stderr lines to the error stream as they arrive; a non-zero exit code is a ContainerExitCode error. Ctrl+C stops the container. When the container cannot be run at all (a bad parameter, a missing image, an unreachable engine), $LASTEXITCODE is 125, as for docker run.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "Container", SupportsShouldProcess = true)]
    [OutputType(typeof(string), typeof(Container))]
    public sealed class InvokeContainerCommand : ContainerCreationCmdlet
    {
        private ContainerCommandOutput? _output;

        /// <summary>Start the container in the background and emit it instead of streaming its output (docker run -d).</summary>
        [Parameter]
        public SwitchParameter Detach { get; set; }

        /// <summary>
        /// Remove the container when it ends (docker run --rm): in the foreground PSDocker removes it once
        /// its exit code is read, also after Ctrl+C or a failure; with -Detach the engine removes it.
        /// In the foreground -AutoRemove behaves the same way.
        /// </summary>
        [Parameter]
        public SwitchParameter Remove { get; set; }

        private ContainerCommandOutput Output => _output ??= new ContainerCommandOutput(this);

        /// <inheritdoc />
        protected override void Begin()
        {
            // Until the container has run, the run failed (docker run's 125): a stale code from an
            // earlier command must not survive a failure here.
            Output.ReportNotRun();
            if (Interactive && Tty && !Detach)
            {
                ThrowArgumentError(
                    "Invoke-Container does not open interactive terminal sessions: -Interactive -Tty in the foreground would wait for input it cannot forward. Start the container with -Detach, then attach to it with Connect-Container (docker attach) or open a shell with Enter-Container (docker exec -it); or drop -Tty to stream its output.",
                    "InteractiveTerminalNotSupported",
                    null);
            }

            base.Begin();
        }

        /// <inheritdoc />
        protected override void Process()
        {
            foreach (var engine in TargetEngines)
            {
                if (ShouldProcess(Describe(engine), Detach ? "Create and start" : "Run"))
                {
                    Output.ReportNotRun();
                    Run(engine);
                }
            }
        }

        private void Run(EngineConnection engine)
        {
            if (!EnsureImage(engine))
            {
                return;
            }

            // Detached, nobody is left to remove the container: the engine does. In the foreground the
            // engine could remove it before its exit code is read, so PSDocker removes it afterwards.
            var remove = Remove || AutoRemove;
            Options.AutoRemove = Detach && remove;
            if (CreateContainer(engine) is not { } id)
            {
                return;
            }

            if (Detach)
            {
                StartDetached(engine, id, remove);
            }
            else
            {
                RunAttached(engine, id, remove);
            }
        }

        private void StartDetached(EngineConnection engine, string id, bool remove)
        {
            WriteVerbose($"Starting container {ResourceIds.Short(id)}.");
            try
            {
                Await(engine.Containers.StartAsync(id, CancellationToken));
            }
            catch (EngineException e)
            {
                Output.ReportNotRun(e);
                Fail(e, ErrorTarget);
                if (remove)
                {
                    CleanUp(engine, id, kill: false, remove: true);
                }

                return;
            }

            Output.SetLastExitCode(0);
            if (Await(engine.Containers.GetByIdAsync(id, CancellationToken)) is { } container)
            {
                WriteObject(container);
            }
        }

        private void RunAttached(EngineConnection engine, string id, bool remove)
        {
            var containers = engine.Containers;
            var exited = false;
            try
            {
                ContainerOutput output;
                try
                {
                    // Attached before the start, so not a line is missed.
                    output = Await(containers.AttachAsync(id, Interactive, CancellationToken));
                }
                catch (EngineException e)
                {
                    Fail(e, ErrorTarget);
                    return;
                }

                using (output)
                {
                    if (Interactive)
                    {
                        // No stdin is forwarded: the command reads end-of-input instead of waiting forever.
                        output.CloseInput();
                    }

                    WriteVerbose($"Starting container {ResourceIds.Short(id)}.");
                    try
                    {
                        Await(containers.StartAsync(id, CancellationToken));
                    }
                    catch (EngineException e)
                    {
                        Output.ReportNotRun(e);
                        Fail(e, ErrorTarget);
                        return;
                    }

                    try
                    {
                        Output.Write(output, Name ?? ResourceIds.Short(id), CancellationToken);
                    }
                    catch (EngineException e) when (!IsCancellation(e))
                    {
                        Fail(e, ErrorTarget);
                        return;
                    }
                }

                WriteVerbose($"Waiting for container {ResourceIds.Short(id)} to exit.");
                var result = Await(containers.WaitAsync(id, null, CancellationToken));
                exited = true;
                Output.ReportExit(result);
            }
            finally
            {
                CleanUp(engine, id, kill: !exited, remove);
            }
        }

        /// <summary>Kills and/or removes the container after Ctrl+C or a failure; never fails itself.</summary>
        private static void CleanUp(EngineConnection engine, string id, bool kill, bool remove)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                if (kill)
                {
                    engine.Containers.KillQuietlyAsync(id, timeout.Token).GetAwaiter().GetResult();
                }

                if (remove)
                {
                    engine.Containers.RemoveQuietlyAsync(id, timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception)
            {
                // Best effort: the engine went away or took too long; the user's error is already written.
            }
        }
    }
}
