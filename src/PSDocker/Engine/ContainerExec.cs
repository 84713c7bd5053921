using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>The engine calls of <c>docker exec</c>.</summary>
    public static class ContainerExec
    {
        /// <summary>Creates an exec instance in a running container; returns its id.</summary>
        public static async Task<string> CreateAsync(EngineConnection engine, string container, ContainerExecCreateParameters parameters, CancellationToken cancellation)
        {
            var response = await engine.Client.Exec.CreateContainerExecAsync(container, parameters, cancellation).ConfigureAwait(false);
            return response.ID;
        }

        /// <summary>Starts an exec instance attached: its output stream (raw with a TTY, multiplexed without).</summary>
        public static Task<MultiplexedStream> StartAttachedAsync(EngineConnection engine, string execId, bool tty, CancellationToken cancellation) =>
            engine.Client.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = false, TTY = tty }, cancellation);

        /// <summary>Starts an exec instance in the background (<c>docker exec -d</c>).</summary>
        public static async Task StartDetachedAsync(EngineConnection engine, string execId, bool tty, CancellationToken cancellation)
        {
            try
            {
                using var stream = await engine.Client.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = true, TTY = tty }, cancellation).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // The client always asks to hijack the connection; a detached start answers a plain
                // 200 instead, which it reports this way only after the engine accepted the start
                // (refusals are DockerApiExceptions, raised before).
            }
        }

        /// <summary>
        /// The exit code of an exec instance whose output has ended, and its container's id. The engine
        /// may record the exit a moment after closing the stream, so a still-running instance is asked again.
        /// </summary>
        public static async Task<(long ExitCode, string ContainerId)> ExitAsync(EngineConnection engine, string execId, CancellationToken cancellation)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await engine.Client.Exec.InspectContainerExecAsync(execId, cancellation).ConfigureAwait(false);
                if (!response.Running || attempt >= 100)
                {
                    return (response.ExitCode ?? 0, response.ContainerID);
                }

                await Task.Delay(10, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>The create parameters for a command with its options.</summary>
        public static ContainerExecCreateParameters Parameters(IList<string> command, string? user, string? workingDirectory, IList<string>? environment, bool privileged, bool tty, bool attach) =>
            new ContainerExecCreateParameters
            {
                Cmd = command,
                User = user ?? string.Empty,
                WorkingDir = workingDirectory ?? string.Empty,
                Env = environment!,
                Privileged = privileged,
                TTY = tty,
                AttachStdout = attach,
                AttachStderr = attach,
            };
    }
}
