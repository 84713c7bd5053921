using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Every container call of the engine (<c>docker ps</c>, inspect, create, start, stop, kill, restart,
    /// pause, unpause, rm, rename, prune, wait, attach, logs, exec), returning PSDocker objects. Failures
    /// leave as <see cref="EngineException"/>s classified by <see cref="Refusals"/>.
    /// </summary>
    public sealed class ContainerService : EngineService
    {
        /// <summary>The engine's container refusals, by message (engine 20.10's wording).</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Container",
            new Refusal("cannot remove a running container", false, "ContainerRunning", ErrorCategory.ResourceBusy),
            new Refusal("cannot remove a paused container", false, "ContainerPaused", ErrorCategory.ResourceBusy),
            new Refusal("cannot start a paused container", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            new Refusal("is already paused", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            new Refusal("is not paused", false, "ContainerNotPaused", ErrorCategory.InvalidOperation),
            new Refusal("is not running", false, "ContainerNotRunning", ErrorCategory.InvalidOperation),
            new Refusal("is paused, unpause the container", false, "ContainerPaused", ErrorCategory.InvalidOperation),
            new Refusal("is restarting", false, "ContainerRestarting", ErrorCategory.ResourceBusy),
            new Refusal("cannot attach to a stopped container", false, "ContainerNotRunning", ErrorCategory.InvalidOperation),
            new Refusal("is already in use by container", false, "ContainerNameInUse", ErrorCategory.ResourceExists),
            new Refusal("is already in progress", false, "ContainerRemovalInProgress", ErrorCategory.ResourceBusy),
            new Refusal("port is already allocated", false, "ContainerPortInUse", ErrorCategory.ResourceBusy),
            new Refusal("address already in use", false, "ContainerPortInUse", ErrorCategory.ResourceBusy),
            new Refusal("no such container", true, "ContainerNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("no such image", true, "ImageNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("network ", true, "NetworkNotFound", ErrorCategory.ObjectNotFound));

        internal ContainerService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>Lists all containers (running or not) matching the query, as <c>docker ps -a</c> does.</summary>
        public async Task<IList<Container>> ListAsync(ContainerQuery query, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = query.ToFilters() }, cancellation), cancellation).ConfigureAwait(false);
            if (response is null || response.Any(r => r?.ID is not { Length: > 0 }))
            {
                throw NotAnEngine("the container listing");
            }

            return response.Select(r => ContainerRecords.ToContainer(r, Engine.Engine)).ToList();
        }

        /// <summary>The listing record of one container by its full id; null when it is gone.</summary>
        public async Task<Container?> GetByIdAsync(string id, CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            query.Ids.Add(id);
            var list = await ListAsync(query, cancellation).ConfigureAwait(false);
            return list.FirstOrDefault(c => c.Id == id);
        }

        /// <summary>
        /// The listing record of the container a user's reference (name, id or id prefix) names, resolved
        /// by the engine in its own order; null when it is gone.
        /// </summary>
        public async Task<Container?> FindAsync(string reference, CancellationToken cancellation)
        {
            if (IsFullId(reference))
            {
                // A piped object's id needs no resolving: one call, not two.
                return await GetByIdAsync(reference, cancellation).ConfigureAwait(false);
            }

            string id;
            try
            {
                id = (await InspectAsync(reference, cancellation).ConfigureAwait(false)).Id;
            }
            catch (EngineException e) when (e.ErrorId == "ContainerNotFound")
            {
                return null;
            }

            return await GetByIdAsync(id, cancellation).ConfigureAwait(false);
        }

        /// <summary>Whether a reference is a full container id (64 lowercase hex digits).</summary>
        public static bool IsFullId(string reference) =>
            reference.Length == 64 && reference.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        /// <summary>Inspects one container (name, id or id prefix).</summary>
        public async Task<ContainerDetail> InspectAsync(string reference, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.InspectContainerAsync(reference, cancellation), cancellation).ConfigureAwait(false);
            if (response?.ID is not { Length: > 0 })
            {
                throw NotAnEngine($"the inspection of container '{reference}'");
            }

            return ContainerRecords.ToDetail(response, Engine.Engine);
        }

        /// <summary>Creates a container; returns its id and the engine's warnings.</summary>
        public async Task<(string Id, IList<string> Warnings)> CreateAsync(ContainerCreateOptions options, Func<string, string> resolveHostPath, CancellationToken cancellation)
        {
            var parameters = options.ToParameters(resolveHostPath);
            var response = await Call(c => c.Containers.CreateContainerAsync(parameters, cancellation), cancellation).ConfigureAwait(false);
            return (response.ID, response.Warnings ?? new List<string>());
        }

        /// <summary>Creates a container from the engine's own parameters (compose builds them from a service); returns its id and the engine's warnings.</summary>
        internal async Task<(string Id, IList<string> Warnings)> CreateAsync(CreateContainerParameters parameters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.CreateContainerAsync(parameters, cancellation), cancellation).ConfigureAwait(false);
            return (response.ID, response.Warnings ?? new List<string>());
        }

        /// <summary>Starts a container; one that runs already is left as it is (like <c>docker start</c>).</summary>
        public Task StartAsync(string reference, CancellationToken cancellation) =>
            Call(c => c.Containers.StartContainerAsync(reference, new ContainerStartParameters(), cancellation), cancellation);

        /// <summary>Stops a container gracefully, killing it after <paramref name="timeoutSeconds"/> (null: the container's own default). One that is not running is success.</summary>
        public Task StopAsync(string reference, int? timeoutSeconds, CancellationToken cancellation) =>
            Call(c => c.Containers.StopContainerAsync(reference, new ContainerStopParameters { WaitBeforeKillSeconds = (uint?)timeoutSeconds }, cancellation), cancellation);

        /// <summary>Sends a signal (<c>docker kill --signal</c>); for KILL the engine answers once the container has exited.</summary>
        public Task KillAsync(string reference, string signal, CancellationToken cancellation) =>
            Call(c => c.Containers.KillContainerAsync(reference, new ContainerKillParameters { Signal = signal }, cancellation), cancellation);

        /// <summary>Restarts a container (stopped ones are started).</summary>
        public Task RestartAsync(string reference, int? timeoutSeconds, CancellationToken cancellation) =>
            Call(c => c.Containers.RestartContainerAsync(reference, new ContainerRestartParameters { WaitBeforeKillSeconds = (uint?)timeoutSeconds }, cancellation), cancellation);

        /// <summary>Pauses a container's processes.</summary>
        public Task PauseAsync(string reference, CancellationToken cancellation) =>
            Call(c => c.Containers.PauseContainerAsync(reference, cancellation), cancellation);

        /// <summary>Resumes a paused container.</summary>
        public Task UnpauseAsync(string reference, CancellationToken cancellation) =>
            Call(c => c.Containers.UnpauseContainerAsync(reference, cancellation), cancellation);

        /// <summary>Removes a container (<c>docker rm [-f] [-v]</c>).</summary>
        public Task RemoveAsync(string reference, bool force, bool volumes, CancellationToken cancellation) =>
            Call(c => c.Containers.RemoveContainerAsync(reference, new ContainerRemoveParameters { Force = force, RemoveVolumes = volumes }, cancellation), cancellation);

        /// <summary>Renames a container.</summary>
        public Task RenameAsync(string reference, string newName, CancellationToken cancellation) =>
            Call(c => c.Containers.RenameContainerAsync(reference, new ContainerRenameParameters { NewName = newName }, cancellation), cancellation);

        /// <summary>
        /// Writes a container's file system as a tar (<c>docker export</c>) into <paramref name="destination"/>,
        /// streaming; <paramref name="progress"/> gets the bytes written so far.
        /// </summary>
        public Task ExportAsync(string reference, System.IO.Stream destination, Action<long> progress, CancellationToken cancellation) =>
            Call(
                async c =>
                {
                    using var archive = await c.Containers.ExportContainerAsync(reference, cancellation).ConfigureAwait(false);
                    await ImageService.CopyAsync(archive, destination, progress, cancellation).ConfigureAwait(false);
                },
                cancellation);

        /// <summary>Removes every stopped container matching the filters (<c>docker container prune</c>).</summary>
        public async Task<PruneResult> PruneAsync(IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.PruneContainersAsync(new ContainersPruneParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return new PruneResult
            {
                Engine = Engine.Engine,
                ResourceType = "Container",
                Deleted = response.ContainersDeleted?.ToArray() ?? Array.Empty<string>(),
                SpaceReclaimed = (long)response.SpaceReclaimed,
            };
        }

        /// <summary>
        /// Waits until the container is not running and returns how it ended, as data (a non-zero exit is
        /// not an error). The <paramref name="timeout"/> runs from the call, covering the inspection too,
        /// so an engine that never answers cannot outlast it; it ends with a WaitTimeout
        /// <see cref="EngineException"/>.
        /// </summary>
        public async Task<ExecResult> WaitAsync(string reference, TimeSpan? timeout, CancellationToken cancellation)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (timeout is { } limit)
            {
                deadline.CancelAfter(limit);
            }

            var name = reference;
            try
            {
                // Inspect first: the name and command must be known even if the container is removed on exit.
                var detail = await InspectAsync(reference, deadline.Token).ConfigureAwait(false);
                name = detail.Name;
                return await WaitAsync(detail, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                var seconds = timeout!.Value.TotalSeconds;
                throw new EngineException(
                    $"Container '{name}' was still running after {seconds:0.###} second{(seconds == 1 ? string.Empty : "s")}. Wait longer with a larger -Timeout, or stop it with Stop-Container.",
                    "WaitTimeout",
                    ErrorCategory.OperationTimeout);
            }
        }

        /// <summary>
        /// Waits until an inspected container is not running and returns how it ended (its name and command
        /// from <paramref name="detail"/>, so they are known even if it is removed as it stops).
        /// </summary>
        public async Task<ExecResult> WaitAsync(ContainerDetail detail, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.WaitContainerAsync(detail.Id, cancellation), cancellation).ConfigureAwait(false);
            if (response.Error?.Message is { Length: > 0 } message)
            {
                throw new EngineException($"The engine could not wait for container '{detail.Name}': {message}", "ContainerWaitFailed", ErrorCategory.NotSpecified);
            }

            return new ExecResult
            {
                Engine = Engine.Engine,
                ContainerName = detail.Name,
                ContainerId = detail.Id,
                Command = CommandLine(detail),
                ExitCode = response.StatusCode,
            };
        }

        /// <summary>
        /// Attaches to a container's stdout and stderr (and stdin when <paramref name="stdin"/>) from now on,
        /// before it starts, so no output is missed.
        /// </summary>
        public async Task<ContainerOutput> AttachAsync(string id, bool stdin, CancellationToken cancellation)
        {
            var stream = await Call(c => c.Containers.AttachContainerAsync(id, new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true, Stdin = stdin }, cancellation), cancellation).ConfigureAwait(false);
            return new ContainerOutput(stream, "the output of container " + id.Substring(0, Math.Min(12, id.Length)));
        }

        /// <summary>Opens a container's log stream (raw for TTY containers, multiplexed otherwise).</summary>
        public async Task<ContainerOutput> OpenLogsAsync(string id, string displayName, ContainerLogQuery query, CancellationToken cancellation)
        {
            var parameters = query.ToParameters();
            var stream = await Call(c => c.Containers.GetContainerLogsAsync(id, parameters, cancellation), cancellation).ConfigureAwait(false);
            return new ContainerOutput(stream, "the log of container " + displayName);
        }

        /// <summary>Creates an exec instance in a running container; returns its id.</summary>
        public async Task<string> CreateExecAsync(string container, ExecOptions options, CancellationToken cancellation)
        {
            var parameters = new ContainerExecCreateParameters
            {
                Cmd = options.Command,
                User = options.User ?? string.Empty,
                WorkingDir = options.WorkingDirectory ?? string.Empty,
                Env = options.Environment!,
                Privileged = options.Privileged,
                TTY = options.Tty,
                AttachStdin = options.AttachStdin,
                DetachKeys = options.DetachKeys ?? string.Empty,
                AttachStdout = !options.Detach,
                AttachStderr = !options.Detach,
            };
            return (await Call(c => c.Exec.CreateContainerExecAsync(container, parameters, cancellation), cancellation).ConfigureAwait(false)).ID;
        }

        /// <summary>Starts an exec instance attached: its output (raw with a TTY, multiplexed without).</summary>
        public async Task<ContainerOutput> StartExecAsync(string execId, bool tty, string displayName, CancellationToken cancellation)
        {
            var stream = await Call(c => c.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = false, TTY = tty }, cancellation), cancellation).ConfigureAwait(false);
            return new ContainerOutput(stream, "the command's output in container " + displayName);
        }

        /// <summary>
        /// Starts an exec instance created with a TTY and its input attached (<c>docker exec -it</c>): the
        /// connection carries typed bytes in and the terminal's output out, and resizes the exec's terminal.
        /// </summary>
        public async Task<ContainerTerminal> StartExecTerminalAsync(string execId, string displayName, CancellationToken cancellation)
        {
            var stream = await Call(c => c.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = false, TTY = true }, cancellation), cancellation).ConfigureAwait(false);
            return new ContainerTerminal(stream, "the terminal in container " + displayName, (width, height, token) => ResizeExecAsync(execId, width, height, token));
        }

        /// <summary>Sets the size of an exec instance's terminal (<c>POST /exec/{id}/resize</c>).</summary>
        public Task ResizeExecAsync(string execId, int width, int height, CancellationToken cancellation) =>
            Call(c => c.Exec.ResizeExecTtyAsync(execId, new ContainerResizeParameters { Width = width, Height = height }, cancellation), cancellation);

        /// <summary>Sets the size of a container's terminal (<c>POST /containers/{id}/resize</c>).</summary>
        public Task ResizeAsync(string id, int width, int height, CancellationToken cancellation) =>
            Call(c => c.Containers.ResizeContainerTtyAsync(id, new ContainerResizeParameters { Width = width, Height = height }, cancellation), cancellation);

        /// <summary>
        /// Attaches to the input and output of a container's main process, which has a TTY
        /// (<c>docker attach</c> in a terminal): the connection resizes the container's terminal.
        /// </summary>
        public async Task<ContainerTerminal> AttachTerminalAsync(string id, string displayName, string detachKeys, CancellationToken cancellation)
        {
            var parameters = new ContainerAttachParameters { Stream = true, Stdin = true, Stdout = true, Stderr = true, DetachKeys = detachKeys };
            var stream = await Call(c => c.Containers.AttachContainerAsync(id, parameters, cancellation), cancellation).ConfigureAwait(false);
            return new ContainerTerminal(stream, "the terminal of container " + displayName, (width, height, token) => ResizeAsync(id, width, height, token));
        }

        /// <summary>Starts an exec instance in the background (<c>docker exec -d</c>).</summary>
        public Task StartExecDetachedAsync(string execId, bool tty, CancellationToken cancellation) =>
            Call(
                async c =>
                {
                    try
                    {
                        using var stream = await c.Exec.StartContainerExecAsync(execId, new ContainerExecStartParameters { Detach = true, TTY = tty }, cancellation).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException)
                    {
                        // The client always asks to hijack the connection; a detached start answers a
                        // plain 200 instead, which it reports this way only after the engine accepted
                        // the start (refusals are DockerApiExceptions, raised before).
                    }
                },
                cancellation);

        /// <summary>
        /// The exit code of an exec instance whose output has ended, and its container's id. The engine
        /// may record the exit a moment after closing the stream, so a still-running instance is asked again.
        /// </summary>
        public async Task<(long ExitCode, string ContainerId)> ExecExitAsync(string execId, CancellationToken cancellation)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await Call(c => c.Exec.InspectContainerExecAsync(execId, cancellation), cancellation).ConfigureAwait(false);
                if (!response.Running || attempt >= 100)
                {
                    return (response.ExitCode ?? 0, response.ContainerID);
                }

                await Task.Delay(10, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Kills a container, ignoring that it is not running or gone (cleanup after Ctrl+C or a failure).</summary>
        public async Task KillQuietlyAsync(string id, CancellationToken cancellation)
        {
            try
            {
                await KillAsync(id, "KILL", cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException)
            {
                // Not running (409) or already removed (404): nothing to kill.
            }
        }

        /// <summary>Removes a container with its anonymous volumes (<c>docker rm -f -v</c>; without them when <paramref name="volumes"/> is false), ignoring that it is gone or already going.</summary>
        public async Task RemoveQuietlyAsync(string id, CancellationToken cancellation, bool volumes = true)
        {
            try
            {
                await RemoveAsync(id, force: true, volumes: volumes, cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.ErrorId is "ContainerNotFound" or "ContainerRemovalInProgress" or "ContainerConflict")
            {
                // Already gone, or auto-remove is removing it.
            }
        }

        /// <summary>The command line a container runs: its path and arguments.</summary>
        public static string[] CommandLine(ContainerDetail detail) =>
            (detail.Path.Length > 0 ? new[] { detail.Path } : Array.Empty<string>()).Concat(detail.Args).Where(a => a.Length > 0).ToArray();

        private EngineException NotAnEngine(string what) => new EngineException(
            $"The engine at {Engine.Endpoint} answered {what} with records that have no id: it does not look like a Docker engine.",
            "EngineResponseInvalid",
            ErrorCategory.InvalidResult);

        /// <summary>The processes running in a container (<c>docker top</c>); <paramref name="psArgs"/> are ps's arguments (the engine's default: -ef).</summary>
        public async Task<IList<ContainerProcess>> ListProcessesAsync(string id, string name, string? psArgs, CancellationToken cancellation)
        {
            var parameters = new ContainerListProcessesParameters { PsArgs = string.IsNullOrEmpty(psArgs) ? null : psArgs };
            ContainerProcessesResponse response;
            try
            {
                response = await Call(c => c.Containers.ListProcessesAsync(id, parameters, cancellation), cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (name.Length > 0 && e.Message.IndexOf(id, StringComparison.Ordinal) >= 0)
            {
                // The engine names the container by its full id; the user knows it by name.
                throw e.WithMessage(e.Message.Replace(id, "'" + name + "'"));
            }

            var titles = response.Titles?.ToList() ?? new List<string>();
            return (response.Processes ?? new List<IList<string>>())
                .Select(row => ContainerProcessColumns.ToProcess(titles, row.ToList(), Engine.Engine, id, name))
                .ToList();
        }

        /// <summary>The paths of a container's file system that differ from its image (<c>docker diff</c>).</summary>
        public async Task<IList<ContainerChange>> ListChangesAsync(string id, string name, CancellationToken cancellation)
        {
            var response = await Call(c => c.Containers.InspectChangesAsync(id, cancellation), cancellation).ConfigureAwait(false);
            return (response ?? new List<ContainerFileSystemChangeResponse>())
                .Select(r => new ContainerChange
                {
                    Engine = Engine.Engine,
                    ContainerId = id,
                    ContainerName = name,
                    Path = r.Path,
                    Kind = r.Kind switch
                    {
                        FileSystemChangeKind.Add => ContainerChangeKind.Added,
                        FileSystemChangeKind.Delete => ContainerChangeKind.Deleted,
                        _ => ContainerChangeKind.Modified,
                    },
                })
                .ToList();
        }

        /// <summary>
        /// One statistics sample (<c>docker stats --no-stream</c>): the engine waits for a second reading so
        /// the CPU percent covers a real interval. A container that is not running is a ContainerNotRunning
        /// <see cref="EngineException"/> (the engine answers it with an empty record).
        /// </summary>
        public async Task<ContainerStatistics> GetStatisticsAsync(string reference, string displayName, CancellationToken cancellation)
        {
            ContainerStatsResponse? sample = null;
            await Call(c => c.Containers.GetContainerStatsAsync(reference, new ContainerStatsParameters { Stream = false }, new SyncProgress<ContainerStatsResponse>(r => sample ??= r), cancellation), cancellation).ConfigureAwait(false);
            if (sample is null || ContainerStatisticsCalculator.IsEmpty(sample))
            {
                throw NotRunning(displayName);
            }

            return ContainerStatisticsCalculator.From(sample, Engine.Engine, reference, displayName);
        }

        /// <summary>
        /// Streams statistics samples (<c>docker stats</c>) to <paramref name="onSample"/> until the stream
        /// ends or <paramref name="cancellation"/> is tripped. A container that is not running is a
        /// ContainerNotRunning <see cref="EngineException"/> (the engine would send nothing until it starts).
        /// </summary>
        public async Task StreamStatisticsAsync(string reference, string displayName, Action<ContainerStatistics> onSample, CancellationToken cancellation)
        {
            var detail = await InspectAsync(reference, cancellation).ConfigureAwait(false);
            if (!detail.State.Running)
            {
                throw NotRunning(displayName);
            }

            await Call(c => c.Containers.GetContainerStatsAsync(detail.Id, new ContainerStatsParameters { Stream = true }, new SyncProgress<ContainerStatsResponse>(r => onSample(ContainerStatisticsCalculator.From(r, Engine.Engine, detail.Id, detail.Name))), cancellation), cancellation).ConfigureAwait(false);
        }

        /// <summary>Changes a container's resources and restart policy (<c>docker update</c>); returns the engine's warnings.</summary>
        public async Task<IList<string>> UpdateAsync(string reference, ContainerUpdateOptions options, CancellationToken cancellation)
        {
            try
            {
                var response = await Call(c => c.Containers.UpdateContainerAsync(reference, options.ToParameters(), cancellation), cancellation).ConfigureAwait(false);
                return response?.Warnings ?? new List<string>();
            }
            catch (EngineException e) when (e.Message.IndexOf("memoryswap", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // docker update refuses the same way; say which parameter settles it.
                throw new EngineException(e.Message + " Give -MemorySwap with -Memory (-1 for unlimited swap).", "MemorySwapConflict", ErrorCategory.InvalidArgument, e.StatusCode, e);
            }
        }

        /// <summary>What a path in a container is (<c>HEAD /containers/{id}/archive</c>); null when nothing is there.</summary>
        public async Task<ContainerPathStat?> StatPathAsync(string id, string path, CancellationToken cancellation)
        {
            try
            {
                var response = await Engine.CallAsync(ContainerPathStat.Refusals, c => c.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, true, cancellation), cancellation).ConfigureAwait(false);
                return ContainerPathStat.From(response.Stat);
            }
            catch (EngineException e) when (e.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>
        /// A tar archive of a path in a container (<c>GET /containers/{id}/archive</c>, what <c>docker cp</c>
        /// reads), with what the path is. A missing path is a ContainerPathNotFound <see cref="EngineException"/>.
        /// </summary>
        public async Task<(ContainerPathStat Stat, System.IO.Stream Content)> OpenArchiveAsync(string id, string path, CancellationToken cancellation)
        {
            var response = await Engine.CallAsync(ContainerPathStat.Refusals, c => c.Containers.GetArchiveFromContainerAsync(id, new ContainerPathStatParameters { Path = path }, false, cancellation), cancellation).ConfigureAwait(false);
            return (ContainerPathStat.From(response.Stat), response.Stream!);
        }

        /// <summary>
        /// Extracts a tar archive into a folder of a container (<c>PUT /containers/{id}/archive</c>, what
        /// <c>docker cp</c> sends); a directory is never replaced by a file.
        /// </summary>
        public Task ExtractArchiveAsync(string id, string directory, System.IO.Stream archive, CancellationToken cancellation) =>
            Engine.CallAsync(
                ContainerPathStat.Refusals,
                c => c.Containers.ExtractArchiveToContainerAsync(id, new CopyToContainerParameters { Path = directory, AllowOverwriteDirWithFile = true }, archive, cancellation),
                cancellation);

        private static EngineException NotRunning(string displayName) => new EngineException(
            $"Container '{displayName}' is not running, so it has no statistics. Start it with Start-Container.",
            "ContainerNotRunning",
            ErrorCategory.InvalidOperation);
    }

    /// <summary>What <c>docker exec</c> runs, and how.</summary>
    public sealed class ExecOptions
    {
        /// <summary>The command, program first.</summary>
        public IList<string> Command { get; set; } = Array.Empty<string>();

        /// <summary>The user to run as.</summary>
        public string? User { get; set; }

        /// <summary>The working directory.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>Environment variables (NAME=value).</summary>
        public IList<string>? Environment { get; set; }

        /// <summary>Extended privileges.</summary>
        public bool Privileged { get; set; }

        /// <summary>A pseudo-terminal.</summary>
        public bool Tty { get; set; }

        /// <summary>Started in the background, output not attached.</summary>
        public bool Detach { get; set; }

        /// <summary>Its input attached (<c>docker exec -i</c>).</summary>
        public bool AttachStdin { get; set; }

        /// <summary>The engine's detach sequence for the exec (<c>--detach-keys</c>); null: the engine's default.</summary>
        public string? DetachKeys { get; set; }
    }
}
