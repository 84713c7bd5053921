using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using Docker.DotNet;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Runs a command in a new container (docker run): streams its output and sets $LASTEXITCODE, or starts it in the background with -Detach.</para>
    /// <para type="description">In the foreground, stdout lines are written to the pipeline as strings and stderr lines to the error stream as they arrive; a non-zero exit code is a ContainerExitCode error. Ctrl+C stops the container.</para>
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
        protected override void Process()
        {
            foreach (var engine in TargetEngines)
            {
                if (ShouldProcess(Describe(engine), Detach ? "Create and start" : "Run"))
                {
                    Run(engine);
                }
            }
        }

        private void Run(EngineConnection engine)
        {
            if (!EnsureImage(engine))
            {
                Output.ReportNotRun();
                return;
            }

            var parameters = BuildParameters();

            // Detached, nobody is left to remove the container: the engine does. In the foreground the
            // engine could remove it before its exit code is read, so PSDocker removes it afterwards.
            var remove = Remove || AutoRemove;
            parameters.HostConfig!.AutoRemove = Detach && remove;
            if (CreateContainer(engine, parameters) is not { } id)
            {
                Output.ReportNotRun();
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
            try
            {
                Await(ContainerRun.StartAsync(engine, id, CancellationToken), engine);
            }
            catch (DockerApiException e)
            {
                WriteEngineError(e, "Container", ErrorTarget, engine);
                Output.ReportNotRun(e);
                if (remove)
                {
                    CleanUp(engine, id, kill: false, remove: true);
                }

                return;
            }

            Output.SetLastExitCode(0);
            if (Await(ContainerApi.GetByIdAsync(engine, id, CancellationToken), engine) is { } container)
            {
                WriteObject(container);
            }
        }

        private void RunAttached(EngineConnection engine, string id, bool remove)
        {
            var exited = false;
            try
            {
                MultiplexedStream stream;
                try
                {
                    // Attached before the start, so not a line is missed.
                    stream = Await(ContainerRun.AttachAsync(engine, id, Interactive, CancellationToken), engine);
                }
                catch (DockerApiException e)
                {
                    WriteEngineError(e, "Container", ErrorTarget, engine);
                    Output.ReportNotRun(e);
                    return;
                }

                using (stream)
                {
                    if (Interactive)
                    {
                        // No stdin is forwarded: the command reads end-of-input instead of waiting forever.
                        stream.CloseWrite();
                    }

                    try
                    {
                        Await(ContainerRun.StartAsync(engine, id, CancellationToken), engine);
                    }
                    catch (DockerApiException e)
                    {
                        WriteEngineError(e, "Container", ErrorTarget, engine);
                        Output.ReportNotRun(e);
                        return;
                    }

                    var name = Name ?? id.Substring(0, Math.Min(12, id.Length));
                    try
                    {
                        Output.Write(stream, name, CancellationToken);
                    }
                    catch (Exception e) when (IsCancellation(e))
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (Exception e) when (e is System.IO.IOException || e is DockerApiException)
                    {
                        WriteEngineError(e, "Container", ErrorTarget, engine);
                        return;
                    }
                }

                var code = Await(ContainerRun.WaitAsync(engine, id, CancellationToken), engine);
                exited = true;
                var detail = Await(ContainerApi.InspectAsync(engine, id, CancellationToken), engine);
                Output.ReportExit(new ExecResult
                {
                    Engine = engine.Engine,
                    ContainerId = id,
                    ContainerName = detail.Name,
                    Command = new[] { detail.Path }.Concat(detail.Args).Where(a => a.Length > 0).ToArray(),
                    ExitCode = code,
                });
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
                    ContainerRun.KillQuietlyAsync(engine, id, timeout.Token).GetAwaiter().GetResult();
                }

                if (remove)
                {
                    ContainerRun.RemoveQuietlyAsync(engine, id, timeout.Token).GetAwaiter().GetResult();
                }
            }
            catch (Exception)
            {
                // Best effort: the engine went away or took too long; the user's error is already written.
            }
        }
    }
}
