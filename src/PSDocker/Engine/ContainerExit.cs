using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>Waits for containers to stop and reports how they ended (<c>docker wait</c>).</summary>
    public static class ContainerExit
    {
        /// <summary>
        /// Waits until the container is not running and returns its exit code as data (a non-zero exit is
        /// not an error). Throws <see cref="ContainerWaitTimeoutException"/> when <paramref name="timeout"/>
        /// elapses first; <paramref name="cancellation"/> (Ctrl+C) ends the wait at once.
        /// </summary>
        public static async Task<ExecResult> WaitAsync(EngineConnection engine, string reference, TimeSpan? timeout, CancellationToken cancellation)
        {
            // Inspect first: the name and command must be known even if the container is removed on exit.
            var detail = await ContainerApi.InspectAsync(engine, reference, cancellation).ConfigureAwait(false);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (timeout is { } limit)
            {
                deadline.CancelAfter(limit);
            }

            Docker.DotNet.Models.ContainerWaitResponse response;
            try
            {
                response = await engine.Client.Containers.WaitContainerAsync(detail.Id, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                throw new ContainerWaitTimeoutException(
                    $"Container '{detail.Name}' was still running after {timeout!.Value.TotalSeconds:0.###} second{(timeout.Value.TotalSeconds == 1 ? string.Empty : "s")}. Wait longer with a larger -Timeout, or stop it with Stop-Container.");
            }

            if (response.Error?.Message is { Length: > 0 } message)
            {
                throw new InvalidOperationException($"The engine could not wait for container '{detail.Name}': {message}");
            }

            return new ExecResult
            {
                Engine = engine.Engine,
                ContainerName = detail.Name,
                ContainerId = detail.Id,
                Command = (detail.Path.Length > 0 ? new[] { detail.Path } : Array.Empty<string>()).Concat(detail.Args).ToArray(),
                ExitCode = response.StatusCode,
            };
        }
    }

    /// <summary>A container was still running when Wait-Container's -Timeout elapsed.</summary>
    public sealed class ContainerWaitTimeoutException : TimeoutException
    {
        /// <summary>Creates the exception.</summary>
        public ContainerWaitTimeoutException(string message)
            : base(message)
        {
        }
    }
}
