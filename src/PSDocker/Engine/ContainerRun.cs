using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>The engine calls of <c>docker create</c> and <c>docker run</c>: create, attach, start, wait, clean up.</summary>
    public static class ContainerRun
    {
        /// <summary>Creates a container; returns its id and the engine's warnings.</summary>
        public static async Task<(string Id, IList<string> Warnings)> CreateAsync(EngineConnection engine, CreateContainerParameters parameters, CancellationToken cancellation)
        {
            var response = await engine.Client.Containers.CreateContainerAsync(parameters, cancellation).ConfigureAwait(false);
            return (response.ID, response.Warnings ?? new List<string>());
        }

        /// <summary>
        /// Attaches to a container's stdout and stderr (and stdin when <paramref name="stdin"/>) from now on,
        /// before it starts, so no output is missed.
        /// </summary>
        public static Task<MultiplexedStream> AttachAsync(EngineConnection engine, string id, bool stdin, CancellationToken cancellation) =>
            engine.Client.Containers.AttachContainerAsync(
                id,
                new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true, Stdin = stdin },
                cancellation);

        /// <summary>Starts a container.</summary>
        public static Task StartAsync(EngineConnection engine, string id, CancellationToken cancellation) =>
            engine.Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellation);

        /// <summary>Waits until the container is not running and returns its exit code.</summary>
        public static async Task<long> WaitAsync(EngineConnection engine, string id, CancellationToken cancellation)
        {
            var response = await engine.Client.Containers.WaitContainerAsync(id, cancellation).ConfigureAwait(false);
            return response.StatusCode;
        }

        /// <summary>Kills a container, ignoring that it is not running or gone (cleanup after Ctrl+C or a failure).</summary>
        public static async Task KillQuietlyAsync(EngineConnection engine, string id, CancellationToken cancellation)
        {
            try
            {
                await engine.Client.Containers.KillContainerAsync(id, new ContainerKillParameters { Signal = "KILL" }, cancellation).ConfigureAwait(false);
            }
            catch (DockerApiException)
            {
                // Not running (409) or already removed (404): nothing to kill.
            }
        }

        /// <summary>Removes a container with its anonymous volumes (<c>docker rm -f -v</c>), ignoring that it is gone.</summary>
        public static async Task RemoveQuietlyAsync(EngineConnection engine, string id, CancellationToken cancellation)
        {
            try
            {
                await engine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellation).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone.
            }
            catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                // Removal already in progress (auto-remove).
            }
        }
    }
}
