using System;
using System.Management.Automation;
using System.Threading;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Attaches to the main process of a running container (docker attach).</para>
    /// <para type="description">In PowerShell's console, a container started with a TTY and an open stdin (docker run -it) gets an interactive session: the console in raw mode, keys to the process as typed, its output straight to the console, the terminal's size kept in step; the detach keys (Ctrl+P, Ctrl+Q by default) end it and leave the container running. Anywhere else (a script, -NonInteractive, redirected input or output, -NoStdin, a container without a TTY), the container's output from now on is written to the pipeline as ContainerLogEntry objects until it stops. Ctrl+C ends the command and leaves the container running (signals are not passed to the container). $LASTEXITCODE is the container's exit code when it stopped.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "Container", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(ContainerLogEntry), typeof(ContainerSessionResult))]
    public sealed class ConnectContainerCommand : ContainerSessionCmdlet
    {
        /// <summary>Do not attach the console's input: only stream the container's output (docker attach --no-stdin).</summary>
        [Parameter]
        public SwitchParameter NoStdin { get; set; }

        /// <inheritdoc />
        protected override void Open(ResourceTarget target)
        {
            var containers = target.Engine.Containers;
            var detail = Await(containers.InspectAsync(target.Reference, CancellationToken));
            EnsureRunning(detail, target.DisplayName);
            var name = detail.Name;

            // Asked before attaching, as docker attach does, so the exit code is known even if the container
            // is removed as it stops (--rm).
            using var waitStop = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
            var wait = containers.WaitAsync(detail, waitStop.Token);
            bool detached;
            try
            {
                if (ConsoleUnavailable is null && detail.Tty && detail.OpenStdin && !NoStdin)
                {
                    using var console = ConsoleTerminal.Open();
                    using var connection = Await(containers.AttachTerminalAsync(detail.Id, name, DetachKeys, CancellationToken));
                    detached = RunConsoleSession(console, connection, nudgeSize: true);
                }
                else
                {
                    WriteVerbose($"Streaming the output of container {name} to the pipeline until it stops (Ctrl+C detaches).");
                    using var output = Await(containers.AttachAsync(detail.Id, stdin: false, CancellationToken));
                    using var feed = new PipelineFeed<ContainerLogEntry>(CancellationToken);
                    feed.Run(
                        (post, token) => output.ReadLinesAsync((stream, line) => post(new ContainerLogEntry { Engine = target.Engine.Engine, ContainerId = detail.Id, ContainerName = name, Stream = stream, Message = line }), token),
                        entry => WriteObject(entry));
                    detached = false;
                }
            }
            catch (Exception)
            {
                Abandon(waitStop, wait);
                throw;
            }

            long? exitCode = null;
            if (detached)
            {
                // The container keeps running: its exit is not waited for.
                Abandon(waitStop, wait);
            }
            else
            {
                exitCode = Await(wait).ExitCode;
            }

            ReportEnd(new ContainerSessionResult
            {
                Engine = target.Engine.Engine,
                ContainerId = detail.Id,
                ContainerName = name,
                Command = ContainerService.CommandLine(detail),
                ExitCode = exitCode,
            });
        }

        private static void Abandon(CancellationTokenSource stop, System.Threading.Tasks.Task task)
        {
            stop.Cancel();
            task.ContinueWith(t => _ = t.Exception, System.Threading.Tasks.TaskContinuationOptions.OnlyOnFaulted);
        }
    }
}
