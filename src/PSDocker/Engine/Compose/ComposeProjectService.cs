using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// docker compose over the engine layer: lists projects and services by their labels (ls, ps), plans
    /// up, stop and down as steps on single resources (so -WhatIf/-Confirm name each one and Ctrl+C stops
    /// between them), and runs each step through the container, network, volume and image services.
    /// </summary>
    internal sealed class ComposeProjectService
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
        private readonly EngineConnection _engine;

        internal ComposeProjectService(EngineConnection engine) => _engine = engine;

        /// <summary>The projects on the engine, by name (docker compose ls -a).</summary>
        public async Task<IList<ComposeProject>> ListProjectsAsync(CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            query.Labels.Add(ComposeLabels.Project);
            var containers = await _engine.Containers.ListAsync(query, cancellation).ConfigureAwait(false);
            return containers
                .GroupBy(c => c.Labels[ComposeLabels.Project], StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ComposeProject
                {
                    Engine = _engine.Engine,
                    Name = g.Key,
                    Status = CombinedStatus(g),
                    ConfigFiles = g.SelectMany(c => c.Labels.TryGetValue(ComposeLabels.ConfigFiles, out var f) ? f.Split(',') : Array.Empty<string>())
                        .Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToArray(),
                    WorkingDirectory = g.Select(c => c.Labels.TryGetValue(ComposeLabels.WorkingDir, out var w) ? w : null).FirstOrDefault(w => w is not null),
                    Containers = g.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray(),
                })
                .ToList();
        }

        /// <summary>Every container of a project (one-off ones too), by its labels.</summary>
        public Task<IList<Container>> ProjectContainersAsync(string project, CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            query.Labels.Add(ComposeLabels.ProjectFilter(project));
            return _engine.Containers.ListAsync(query, cancellation);
        }

        /// <summary>The services of a project that have containers (docker compose ps -a), by service name.</summary>
        public async Task<IList<ComposeService>> ListServicesAsync(string project, CancellationToken cancellation)
        {
            var containers = await ServiceContainersAsync(project, null, cancellation).ConfigureAwait(false);
            return containers
                .GroupBy(c => c.Labels.TryGetValue(ComposeLabels.Service, out var s) ? s : string.Empty, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var list = g.OrderBy(c => ComposeLabels.NumberOf(c.Labels)).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
                    return new ComposeService
                    {
                        Engine = _engine.Engine,
                        Project = project,
                        Service = g.Key,
                        Image = list.Select(c => c.Image).FirstOrDefault() ?? string.Empty,
                        Containers = list,
                        Id = list.Select(c => new NameOrId(c.Id, _engine.Engine)).ToArray(),
                        State = CombinedStatus(list),
                    };
                })
                .ToList();
        }

        /// <summary>compose's status of a group of containers: each state with its count, states sorted (<c>exited(1), running(2)</c>).</summary>
        public static string CombinedStatus(IEnumerable<Container> containers) =>
            string.Join(", ", containers
                .GroupBy(c => ContainerStates.ToFilter(c.State), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key + "(" + g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"));

        /// <summary>
        /// The steps of <c>docker compose up -d</c> for <paramref name="services"/> (in dependency order, their
        /// dependencies included): networks and volumes missing, then per service the containers to create,
        /// recreate (config hash or image changed, or <paramref name="forceRecreate"/>), start (stopped and
        /// unchanged) or remove (beyond the replicas), each preceded by the waits its depends_on conditions
        /// ask for. Unchanged running containers get no step. External networks and volumes get no step:
        /// <see cref="CheckExternalsAsync"/> has found them (it runs first, before any pull or build).
        /// </summary>
        public async Task<IList<ComposeStep>> PlanUpAsync(ComposeProjectConfig project, IList<ComposeServiceConfig> services, bool forceRecreate, CancellationToken cancellation)
        {
            var steps = new List<ComposeStep>();
            var networkKeys = ComposeUsage.Networks(services);
            foreach (var network in project.Networks.Where(n => !n.External && networkKeys.Contains(n.Key)))
            {
                var existing = await _engine.Networks.FindAsync(network.Name, cancellation).ConfigureAwait(false);
                if (existing is not null && string.Equals(existing.Name, network.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                steps.Add(new ComposeStep(ComposeStepKind.CreateNetwork, string.Empty, network.Name) { Network = network });
            }

            var volumeKeys = ComposeUsage.Volumes(services);
            foreach (var volume in project.Volumes.Where(v => !v.External && volumeKeys.Contains(v.Key)))
            {
                if (await _engine.Volumes.FindAsync(volume.Name, cancellation).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                steps.Add(new ComposeStep(ComposeStepKind.CreateVolume, string.Empty, volume.Name) { Volume = volume });
            }

            var containers = await ServiceContainersAsync(project.Name, null, cancellation).ConfigureAwait(false);
            var selected = new HashSet<string>(services.Select(s => s.Name), StringComparer.Ordinal);
            foreach (var service in services)
            {
                var hash = ComposeConfigHash.Of(service, project);
                var imageId = await ImageIdAsync(ComposeContainerSpec.ImageOf(project, service), cancellation).ConfigureAwait(false);
                var mine = containers.Where(c => c.Labels.TryGetValue(ComposeLabels.Service, out var s) && s == service.Name)
                    .OrderBy(c => ComposeLabels.NumberOf(c.Labels)).ToList();
                var serviceSteps = new List<ComposeStep>();
                var replicas = Math.Max(0, service.Replicas);
                var kept = new HashSet<int>();
                foreach (var container in mine)
                {
                    var number = ComposeLabels.NumberOf(container.Labels);
                    if (number < 1 || number > replicas || !kept.Add(number))
                    {
                        serviceSteps.Add(new ComposeStep(ComposeStepKind.RemoveContainer, service.Name, container.Name) { Existing = container, ServiceConfig = service });
                        continue;
                    }

                    var changed = forceRecreate
                        || !container.Labels.TryGetValue(ComposeLabels.ConfigHash, out var had) || had != hash
                        || (imageId is not null && container.Labels.TryGetValue(ComposeLabels.Image, out var image) && image != imageId);
                    if (changed)
                    {
                        serviceSteps.Add(new ComposeStep(ComposeStepKind.RecreateContainer, service.Name, container.Name) { Existing = container, ServiceConfig = service, Number = number, ImageId = imageId });
                    }
                    else if (container.State is not (ContainerState.Running or ContainerState.Restarting))
                    {
                        serviceSteps.Add(new ComposeStep(ComposeStepKind.StartContainer, service.Name, container.Name) { Existing = container, ServiceConfig = service, Number = number });
                    }
                }

                for (var number = 1; number <= replicas; number++)
                {
                    if (!kept.Contains(number))
                    {
                        serviceSteps.Add(new ComposeStep(ComposeStepKind.CreateContainer, service.Name, ComposeContainerSpec.ContainerName(project, service, number)) { ServiceConfig = service, Number = number, ImageId = imageId });
                    }
                }

                if (serviceSteps.Any(s => s.Kind != ComposeStepKind.RemoveContainer))
                {
                    foreach (var dependency in service.DependsOn.Where(d => selected.Contains(d.Key) && d.Value.Condition != "service_started"))
                    {
                        steps.Add(new ComposeStep(ComposeStepKind.WaitDependency, service.Name, dependency.Key) { ServiceConfig = service, Condition = dependency.Value.Condition });
                    }
                }

                steps.AddRange(serviceSteps);
            }

            return steps;
        }

        /// <summary>
        /// Checks, before anything is pulled, built or created, that the external networks and volumes the
        /// services use exist (ComposeExternalNetworkNotFound / ComposeExternalVolumeNotFound otherwise).
        /// </summary>
        public async Task CheckExternalsAsync(ComposeProjectConfig project, IList<ComposeServiceConfig> services, CancellationToken cancellation)
        {
            var networkKeys = ComposeUsage.Networks(services);
            foreach (var network in project.Networks.Where(n => n.External && networkKeys.Contains(n.Key)))
            {
                var existing = await _engine.Networks.FindAsync(network.Name, cancellation).ConfigureAwait(false);
                if (existing is null || !string.Equals(existing.Name, network.Name, StringComparison.Ordinal))
                {
                    throw new EngineException(
                        $"The external network '{network.Name}' (networks.{network.Key} in the compose file) does not exist. Create it first (New-ContainerNetwork {network.Name}), or remove 'external: true' to let the project create it.",
                        "ComposeExternalNetworkNotFound",
                        ErrorCategory.ObjectNotFound);
                }
            }

            var volumeKeys = ComposeUsage.Volumes(services);
            foreach (var volume in project.Volumes.Where(v => v.External && volumeKeys.Contains(v.Key)))
            {
                if (await _engine.Volumes.FindAsync(volume.Name, cancellation).ConfigureAwait(false) is null)
                {
                    throw new EngineException(
                        $"The external volume '{volume.Name}' (volumes.{volume.Key} in the compose file) does not exist. Create it first (New-ContainerVolume {volume.Name}), or remove 'external: true' to let the project create it.",
                        "ComposeExternalVolumeNotFound",
                        ErrorCategory.ObjectNotFound);
                }
            }
        }

        /// <summary>The steps of <c>docker compose stop</c>: the running containers of the project (or of <paramref name="services"/>), dependents first.</summary>
        public async Task<IList<ComposeStep>> PlanStopAsync(string project, IReadOnlyCollection<string>? services, CancellationToken cancellation)
        {
            var containers = await ServiceContainersAsync(project, services, cancellation).ConfigureAwait(false);
            return ReverseDependencyOrder(containers)
                .Where(c => c.State is ContainerState.Running or ContainerState.Restarting or ContainerState.Paused)
                .Select(c => new ComposeStep(ComposeStepKind.StopContainer, ServiceOf(c), c.Name) { Existing = c })
                .ToList();
        }

        /// <summary>
        /// The steps of <c>docker compose down</c>: every container of the project (dependents first),
        /// then its networks, with <paramref name="volumes"/> its volumes, then the images
        /// <paramref name="imagesOf"/> names for those containers (one listing serves both) — all found by
        /// the project label, so nothing else on the engine
        /// is touched, and external networks and volumes (which carry no project label) stay.
        /// </summary>
        public async Task<IList<ComposeStep>> PlanDownAsync(string project, bool volumes, Func<IList<Container>, IEnumerable<string>>? imagesOf, CancellationToken cancellation)
        {
            var steps = new List<ComposeStep>();
            var containers = await ProjectContainersAsync(project, cancellation).ConfigureAwait(false);
            var images = imagesOf?.Invoke(containers) ?? Enumerable.Empty<string>();
            steps.AddRange(ReverseDependencyOrder(containers).Select(c => new ComposeStep(ComposeStepKind.RemoveContainer, ServiceOf(c), c.Name) { Existing = c }));

            var networkQuery = new NetworkQuery();
            networkQuery.Labels.Add(ComposeLabels.ProjectFilter(project));
            var networks = await _engine.Networks.ListAsync(networkQuery, false, cancellation).ConfigureAwait(false);
            steps.AddRange(networks.OrderBy(n => n.Name, StringComparer.Ordinal).Select(n => new ComposeStep(ComposeStepKind.RemoveNetwork, string.Empty, n.Name)));

            if (volumes)
            {
                var volumeQuery = new VolumeQuery();
                volumeQuery.Labels.Add(ComposeLabels.ProjectFilter(project));
                var list = await _engine.Volumes.ListAsync(volumeQuery, cancellation).ConfigureAwait(false);
                steps.AddRange(list.Select(v => new ComposeStep(ComposeStepKind.RemoveVolume, string.Empty, v.Name)));
            }

            foreach (var image in images.Distinct(StringComparer.Ordinal))
            {
                if (await _engine.Images.ExistsAsync(image, cancellation).ConfigureAwait(false))
                {
                    steps.Add(new ComposeStep(ComposeStepKind.RemoveImage, string.Empty, image));
                }
            }

            return steps;
        }

        /// <summary>
        /// Runs one step. A container step is atomic: a container this step created is removed again when
        /// its start fails or Ctrl+C stops the step, so no half-made container is left; a failed start also
        /// removes the containers made for the same service earlier in this up (<paramref name="created"/>).
        /// </summary>
        public async Task RunAsync(ComposeProjectConfig? project, ComposeStep step, IDictionary<string, List<string>> created, int? stopTimeout, bool removeVolumes, TimeSpan? waitTimeout, CancellationToken cancellation)
        {
            switch (step.Kind)
            {
                case ComposeStepKind.CreateNetwork:
                    var network = step.Network!;
                    await _engine.Networks.CreateAsync(
                        new NetworkCreateOptions
                        {
                            Name = network.Name,
                            Driver = network.Driver ?? "bridge",
                            Internal = network.Internal,
                            Subnet = network.Subnets.Length > 0 ? network.Subnets : null,
                            Label = new System.Collections.Hashtable(ComposeLabels.ForNetwork(project!.Name, network)),
                        },
                        cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.CreateVolume:
                    var volume = step.Volume!;
                    await _engine.Volumes.CreateAsync(volume.Name, volume.Driver, null, new System.Collections.Hashtable(ComposeLabels.ForVolume(project!.Name, volume)), cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.CreateContainer:
                    await CreateAndStartAsync(project!, step, created, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.RecreateContainer:
                    await _engine.Containers.StopAsync(step.Existing!.Id, stopTimeout, cancellation).ConfigureAwait(false);
                    await _engine.Containers.RemoveAsync(step.Existing.Id, force: true, volumes: false, cancellation).ConfigureAwait(false);
                    await CreateAndStartAsync(project!, step, created, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.StartContainer:
                    await StartAsync(step.Service, step.Existing!.Id, step.Target, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.StopContainer:
                    await _engine.Containers.StopAsync(step.Existing!.Id, stopTimeout, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.RemoveContainer:
                    await _engine.Containers.StopAsync(step.Existing!.Id, stopTimeout, cancellation).ConfigureAwait(false);
                    await _engine.Containers.RemoveQuietlyAsync(step.Existing.Id, cancellation, volumes: removeVolumes).ConfigureAwait(false);
                    break;
                case ComposeStepKind.RemoveNetwork:
                    try
                    {
                        await _engine.Networks.RemoveAsync(step.Target, cancellation).ConfigureAwait(false);
                    }
                    catch (EngineException e) when (e.ErrorId == "NetworkNotFound")
                    {
                    }

                    break;
                case ComposeStepKind.RemoveVolume:
                    await _engine.Volumes.RemoveAsync(step.Target, force: true, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.RemoveImage:
                    await _engine.Images.RemoveAsync(step.Target, force: false, noPrune: false, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.WaitDependency:
                    await WaitAsync(project!.Name, step.Target, step.Condition!, "Service '" + step.Service + "' depends on '" + step.Target + "'", waitTimeout, cancellation).ConfigureAwait(false);
                    break;
                case ComposeStepKind.WaitService:
                    await WaitAsync(project!.Name, step.Target, step.Condition ?? "running_healthy", "-Wait", waitTimeout, cancellation).ConfigureAwait(false);
                    break;
            }
        }

        /// <summary>
        /// Builds a service's image from its build section (context, dockerfile, args, target), tagged
        /// <c>image:</c> or <c>PROJECT-SERVICE</c> (docker compose build); each step and output line is
        /// reported as a progress message. Build args with no value are taken from the environment, as
        /// compose does, and left out when it has none.
        /// </summary>
        public async Task BuildAsync(ComposeProjectConfig project, ComposeServiceConfig service, Action<ProgressMessage> progress, CancellationToken cancellation)
        {
            var build = service.Build ?? throw new ArgumentException($"Service '{service.Name}' has no build section.");
            var args = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var arg in build.Args)
            {
                var value = arg.Value ?? System.Environment.GetEnvironmentVariable(arg.Key);
                if (value is not null)
                {
                    args[arg.Key] = value;
                }
            }

            var request = new ImageBuildRequest
            {
                ContextPath = build.Context,
                Dockerfile = string.IsNullOrEmpty(build.Dockerfile) ? null : build.Dockerfile,
                Tags = new[] { ComposeContainerSpec.ImageOf(project, service) },
                BuildArgs = args,
                Target = build.Target,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [ComposeLabels.Project] = project.Name,
                    [ComposeLabels.Service] = service.Name,
                    [ComposeLabels.Version] = ComposeLabels.ComposeVersion,
                },
            };
            await _engine.Images.BuildAsync(request, new SyncProgress<ImageBuildProgress>(line => progress(new ProgressMessage
            {
                Status = line.StepText is { } step ? step : line.Line,
                Output = line.Line,
            })), cancellation).ConfigureAwait(false);
        }

        /// <summary>The id of an image on the engine; null when it is not there.</summary>
        private async Task<string?> ImageIdAsync(string image, CancellationToken cancellation)
        {
            try
            {
                return (await _engine.Images.InspectAsync(image, cancellation).ConfigureAwait(false)).Id;
            }
            catch (EngineException e) when (e.StatusCode == 404 || e.ErrorId.EndsWith("NotFound", StringComparison.Ordinal))
            {
                return null;
            }
        }

        private async Task CreateAndStartAsync(ComposeProjectConfig project, ComposeStep step, IDictionary<string, List<string>> created, CancellationToken cancellation)
        {
            var service = step.ServiceConfig!;
            if (step.ImageId is not { } imageId)
            {
                throw new EngineException(
                    $"Service '{service.Name}': the image '{ComposeContainerSpec.ImageOf(project, service)}' is not on the engine and could not be pulled or built.",
                    "ComposeImageNotFound",
                    ErrorCategory.ObjectNotFound);
            }

            var spec = ComposeContainerSpec.For(project, service, step.Number, ComposeConfigHash.Of(service, project), imageId);
            string id;
            try
            {
                (id, _) = await _engine.Containers.CreateAsync(spec.Parameters, cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException)
            {
                throw e.WithMessage($"Service '{service.Name}': container {spec.Name} could not be created: {e.Message}");
            }

            if (!created.TryGetValue(service.Name, out var mine))
            {
                created[service.Name] = mine = new List<string>();
            }

            mine.Add(id);
            try
            {
                foreach (var (networkName, aliases) in spec.MoreNetworks)
                {
                    await _engine.Networks.ConnectAsync(networkName, id, aliases, null, cancellation).ConfigureAwait(false);
                }

                await StartAsync(service.Name, id, spec.Name, cancellation).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Nothing half-made: Ctrl+C removes just this container; a failed start removes what this
                // up made for the service (a port taken by another program fails every replica alike).
                var remove = e is OperationCanceledException ? new List<string> { id } : mine.ToList();
                foreach (var made in remove)
                {
                    await _engine.Containers.RemoveQuietlyAsync(made, CancellationToken.None).ConfigureAwait(false);
                    mine.Remove(made);
                }

                throw;
            }
        }

        private async Task StartAsync(string service, string id, string name, CancellationToken cancellation)
        {
            try
            {
                await _engine.Containers.StartAsync(id, cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException)
            {
                var message = e.Message;
                if (e.ErrorId == "ContainerPortInUse")
                {
                    throw new EngineException(
                        $"Service '{service}': container {name} could not start because a host port it publishes is already in use ({message}). Free the port or publish the service on another one; the containers this up made for '{service}' were removed.",
                        "ComposePortInUse",
                        ErrorCategory.ResourceBusy,
                        e.StatusCode,
                        e);
                }

                throw e.WithMessage($"Service '{service}': container {name} could not start: {message}");
            }
        }

        /// <summary>
        /// Waits, polling the containers of <paramref name="service"/>, until <paramref name="condition"/>
        /// holds: service_healthy (every container healthy; unhealthy or exited is an error),
        /// service_completed_successfully (every container exited 0), running_healthy (-Wait: running, and
        /// healthy where a healthcheck is set). Ctrl+C ends it within the poll interval; past
        /// <paramref name="timeout"/> it is a ComposeWaitTimeout error.
        /// </summary>
        private async Task WaitAsync(string project, string service, string condition, string why, TimeSpan? timeout, CancellationToken cancellation)
        {
            var started = DateTime.UtcNow;
            while (true)
            {
                var containers = await ServiceContainersAsync(project, new[] { service }, cancellation).ConfigureAwait(false);
                if (containers.Count == 0)
                {
                    throw new EngineException($"{why}, which has no container: start it (Start-ComposeProject -Service {service}).", "ComposeDependencyMissing", ErrorCategory.ObjectNotFound);
                }

                var ready = true;
                foreach (var container in containers)
                {
                    var detail = await _engine.Containers.InspectAsync(container.Id, cancellation).ConfigureAwait(false);
                    var health = detail.State.Health;
                    var exited = !detail.State.Running && !detail.State.Restarting;
                    switch (condition)
                    {
                        case "service_completed_successfully":
                            if (exited && detail.State.ExitCode != 0)
                            {
                                throw new EngineException($"{why} completing successfully, but its container {detail.Name} exited with code {detail.State.ExitCode}.", "ComposeDependencyFailed", ErrorCategory.InvalidResult);
                            }

                            ready &= exited;
                            break;
                        case "service_healthy":
                            if (health is null or "" or "none")
                            {
                                throw new EngineException($"{why} being healthy, but its container {detail.Name} has no healthcheck. Add a healthcheck to '{service}', or use condition service_started.", "ComposeDependencyNoHealthcheck", ErrorCategory.InvalidData);
                            }

                            if (health == "unhealthy" || exited)
                            {
                                throw new EngineException($"{why} being healthy, but its container {detail.Name} is {(exited ? "not running (exit code " + detail.State.ExitCode + ")" : "unhealthy")}. See Get-ContainerLog {detail.Name} and its health log (Get-ContainerDetail {detail.Name}).", "ComposeDependencyUnhealthy", ErrorCategory.InvalidResult);
                            }

                            ready &= health == "healthy";
                            break;
                        default:
                            if (exited)
                            {
                                if (detail.State.ExitCode == 0 && condition == "running_healthy_or_completed")
                                {
                                    break;
                                }

                                throw new EngineException($"Service '{service}' did not stay running: its container {detail.Name} exited with code {detail.State.ExitCode}. See Get-ContainerLog {detail.Name}.", "ComposeServiceExited", ErrorCategory.InvalidResult);
                            }

                            if (health == "unhealthy")
                            {
                                throw new EngineException($"Service '{service}' is unhealthy: its container {detail.Name} failed its healthcheck. See Get-ContainerDetail {detail.Name}.", "ComposeServiceUnhealthy", ErrorCategory.InvalidResult);
                            }

                            ready &= health is null or "" or "none" or "healthy";
                            break;
                    }
                }

                if (ready)
                {
                    return;
                }

                if (timeout is { } limit && DateTime.UtcNow - started >= limit)
                {
                    throw new EngineException(
                        $"{(condition.StartsWith("running", StringComparison.Ordinal) ? "Service '" + service + "'" : why)} was not ready after {limit.TotalSeconds:0.###} seconds. Wait longer with a larger -WaitTimeout.",
                        "ComposeWaitTimeout",
                        ErrorCategory.OperationTimeout);
                }

                await Task.Delay(PollInterval, cancellation).ConfigureAwait(false);
            }
        }

        private async Task<IList<Container>> ServiceContainersAsync(string project, IReadOnlyCollection<string>? services, CancellationToken cancellation)
        {
            var query = new ContainerQuery();
            query.Labels.Add(ComposeLabels.ProjectFilter(project));
            query.Labels.Add(ComposeLabels.Oneoff + "=False");
            if (services is { Count: 1 })
            {
                query.Labels.Add(ComposeLabels.Service + "=" + services.First());
            }

            var list = await _engine.Containers.ListAsync(query, cancellation).ConfigureAwait(false);
            return services is { Count: > 1 } ? list.Where(c => services.Contains(ServiceOf(c))).ToList() : list;
        }

        private static string ServiceOf(Container container) =>
            container.Labels.TryGetValue(ComposeLabels.Service, out var s) ? s : string.Empty;

        /// <summary>Containers with dependents first, from their depends_on labels (no compose file needed).</summary>
        private static IEnumerable<Container> ReverseDependencyOrder(IList<Container> containers)
        {
            var byService = containers.GroupBy(ServiceOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var order = ComposeDependencyOrder.Sort(
                byService.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
                s => byService[s].SelectMany(c => ComposeLabels.DependenciesOf(c.Labels)).Distinct(StringComparer.Ordinal));
            return order.Reverse().SelectMany(s => byService[s].OrderByDescending(c => ComposeLabels.NumberOf(c.Labels)));
        }
    }
}
