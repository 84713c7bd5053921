using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the compose cmdlets: how a project is named (<c>-Path</c> to compose files, <c>-ProjectName</c>,
    /// <c>-Profile</c>, or a resolved project piped from Get-ComposeConfig), loading it with the compose
    /// loader against the current FileSystem location, the one translation of compose file errors, and
    /// the runner of the steps of an up, stop or down (-WhatIf/-Confirm per resource, one progress line
    /// per service, Ctrl+C between steps).
    /// </summary>
    public abstract class ComposeCmdlet : DockerCmdlet
    {
        /// <summary>The parameter set of projects named by files or by name.</summary>
        protected const string PathSet = "Path";

        /// <summary>The parameter set of a resolved project from the pipeline.</summary>
        protected const string ConfigSet = "Config";

        /// <summary>
        /// The compose files, merged in order (docker compose -f). Default: compose.yaml, compose.yml,
        /// docker-compose.yaml or docker-compose.yml in the current folder.
        /// </summary>
        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        [Alias("ConfigFile")]
        public string[]? Path { get; set; }

        /// <summary>The project name (docker compose -p). Default: COMPOSE_PROJECT_NAME, the file's name:, else the folder's name.</summary>
        [Parameter(ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Project", "Name")]
        [ArgumentCompleter(typeof(ComposeProjectNameCompleter))]
        public string? ProjectName { get; set; }

        /// <summary>Profiles to enable (docker compose --profile). Default: COMPOSE_PROFILES.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Profile { get; set; }

        /// <summary>A resolved project, as Get-ComposeConfig emits it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ConfigSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ComposeProjectConfig? InputObject { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Compose";

        /// <summary>The project: the piped one, else loaded from the files (with <paramref name="services"/> enabled whatever their profiles); null after writing the error.</summary>
        protected ComposeProjectConfig? LoadProject(string[]? services = null)
        {
            if (InputObject is { } piped)
            {
                return piped;
            }

            return ComposeFiles.Load(this, ComposeFiles.Request(this, Path, ProjectName, Profile, services));
        }

        /// <summary>
        /// The services to act on: all enabled ones, or those <paramref name="names"/> names with the
        /// services they depend on (docker compose up SERVICE starts its dependencies too), in dependency
        /// order. An unknown name is an error; null after writing it.
        /// </summary>
        protected IList<ComposeServiceConfig>? SelectServices(ComposeProjectConfig project, string[]? names, bool withDependencies)
        {
            var all = project.Services.Concat(project.DisabledServices).GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var chosen = new List<string>();
            if (names is null || names.Length == 0)
            {
                chosen.AddRange(project.Services.Select(s => s.Name));
            }
            else
            {
                foreach (var name in names)
                {
                    if (!all.ContainsKey(name))
                    {
                        WriteError(new ErrorRecord(
                            new ItemNotFoundException($"Project '{project.Name}' has no service '{name}'. Its services: {string.Join(", ", all.Keys.OrderBy(k => k, StringComparer.Ordinal))}."),
                            "ComposeServiceNotFound",
                            ErrorCategory.ObjectNotFound,
                            name));
                        return null;
                    }

                    chosen.Add(name);
                }
            }

            if (withDependencies)
            {
                var queue = new Queue<string>(chosen);
                while (queue.Count > 0)
                {
                    foreach (var dependency in all[queue.Dequeue()].DependsOn.Where(d => d.Value.Required || all.ContainsKey(d.Key)).Select(d => d.Key))
                    {
                        if (!all.ContainsKey(dependency))
                        {
                            WriteError(new ErrorRecord(
                                new ItemNotFoundException($"A service depends on '{dependency}', which project '{project.Name}' does not define."),
                                "ComposeServiceNotFound",
                                ErrorCategory.ObjectNotFound,
                                dependency));
                            return null;
                        }

                        if (!chosen.Contains(dependency))
                        {
                            chosen.Add(dependency);
                            queue.Enqueue(dependency);
                        }
                    }
                }
            }

            try
            {
                var order = ComposeDependencyOrder.Sort(
                    project.Services.Concat(project.DisabledServices).Select(s => s.Name).Where(chosen.Contains).Distinct().ToList(),
                    s => all[s].DependsOn.Keys);
                return order.Select(s => all[s]).ToList();
            }
            catch (ComposeFileException e)
            {
                WriteError(ToErrorRecord(e, null));
                return null;
            }
        }

        /// <summary>
        /// Runs the steps of an operation on one engine: each step that changes something asks
        /// ShouldProcess (so -WhatIf lists exactly what would be done, resource by resource); once a step
        /// is declined, waits are skipped (what they wait for was not done). Progress: one line per
        /// service under <paramref name="activity"/>. The first failure is written as an error and ends
        /// the run (false); Ctrl+C stops between steps.
        /// </summary>
        private protected bool RunSteps(EngineConnection engine, ComposeProjectConfig? project, string activity, IList<ComposeStep> steps, ComposeRunOptions options)
        {
            var created = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var lines = new Dictionary<string, ProgressRecord>(StringComparer.Ordinal);
            var parent = new ProgressRecord(1, activity, "Starting");
            var declined = false;
            var ok = true;
            try
            {
                for (var i = 0; i < steps.Count; i++)
                {
                    var step = steps[i];
                    if (step.ChangesState && !ShouldProcess(step.Target + OnEngine(engine), step.Action))
                    {
                        declined = true;
                        continue;
                    }

                    if (!step.ChangesState && declined)
                    {
                        continue;
                    }

                    parent.StatusDescription = step.Doing;
                    parent.PercentComplete = i * 100 / steps.Count;
                    WriteProgress(parent);
                    var key = step.Service.Length > 0 ? step.Service : "(project)";
                    if (!lines.TryGetValue(key, out var line))
                    {
                        lines[key] = line = new ProgressRecord(2 + lines.Count, step.Service.Length > 0 ? "Service " + step.Service : "Networks, volumes and images", step.Doing) { ParentActivityId = 1 };
                    }

                    line.StatusDescription = step.Doing;
                    WriteProgress(line);
                    WriteVerbose(step.Action + " " + step.Target + OnEngine(engine) + ".");
                    try
                    {
                        Await(engine.Compose.RunAsync(project, step, created, options.StopTimeout, options.RemoveVolumes, options.WaitTimeout, CancellationToken));
                    }
                    catch (EngineException e)
                    {
                        Fail(e, step.Service.Length > 0 ? step.Service : step.Target);
                        ok = false;
                        break;
                    }

                    line.StatusDescription = step.Done;
                    WriteProgress(line);
                }
            }
            finally
            {
                foreach (var line in lines.Values)
                {
                    line.RecordType = ProgressRecordType.Completed;
                    WriteProgress(line);
                }

                parent.RecordType = ProgressRecordType.Completed;
                WriteProgress(parent);
            }

            return ok;
        }

        /// <summary>
        /// Puts the services' images on the engine as docker compose up does: a service with a build section
        /// is built when its image is missing or <paramref name="build"/> asks (tagged with image:, else
        /// <c>PROJECT-SERVICE</c>); any other missing image is pulled, with progress. False after writing
        /// the error, which names the service.
        /// </summary>
        protected bool EnsureImages(EngineConnection engine, ComposeProjectConfig project, IList<ComposeServiceConfig> services, bool build)
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var service in services)
            {
                var image = ComposeContainerSpec.ImageOf(project, service);
                bool exists;
                try
                {
                    exists = Await(engine.Images.ExistsAsync(image, CancellationToken));
                }
                catch (EngineException e)
                {
                    Fail(e, service.Name);
                    return false;
                }

                if (service.Build is not null && (build || !exists))
                {
                    if (done.Add(image) && !BuildImage(engine, project, service))
                    {
                        return false;
                    }

                    continue;
                }

                if (exists || !done.Add(image) || !ShouldProcess(image + OnEngine(engine), "Pull image"))
                {
                    continue;
                }

                try
                {
                    RunWithProgress("Pulling image " + image + " for service " + service.Name, (post, token) => engine.Images.PullAsync(image, post, token));
                }
                catch (EngineException e)
                {
                    WriteError(new ErrorRecord(
                        new EngineException($"Service '{service.Name}': the image '{image}' is not on the engine and could not be pulled: {e.Message}", "ComposeImagePullFailed", e.Category, e.StatusCode, e),
                        "ComposeImagePullFailed",
                        e.Category,
                        service.Name));
                    return false;
                }
            }

            return true;
        }

        /// <summary>Builds one service's image (docker compose build SERVICE); false after writing the error.</summary>
        protected bool BuildImage(EngineConnection engine, ComposeProjectConfig project, ComposeServiceConfig service)
        {
            var image = ComposeContainerSpec.ImageOf(project, service);
            if (!ShouldProcess(image + OnEngine(engine), "Build image for service " + service.Name))
            {
                return true;
            }

            try
            {
                RunWithProgress("Building image " + image + " for service " + service.Name, (post, token) => engine.Compose.BuildAsync(project, service, post, token));
                return true;
            }
            catch (EngineException e)
            {
                WriteError(new ErrorRecord(e.WithMessage($"Service '{service.Name}': the image '{image}' could not be built: {e.Message}"), e.ErrorId, e.Category, service.Name));
                return false;
            }
        }

        /// <summary>Plans on one engine; null after writing the failure.</summary>
        private protected IList<ComposeStep>? Plan(Func<System.Threading.Tasks.Task<IList<ComposeStep>>> plan, object? target)
        {
            try
            {
                return Await(plan());
            }
            catch (Exception e) when (e is EngineException or ComposeFileException)
            {
                Fail(e, target);
                return null;
            }
        }

        /// <summary>
        /// The project name when no project needs loading: -ProjectName, else the name the compose files
        /// give (loaded for it, as docker compose does). Null after writing the error.
        /// </summary>
        protected string? ProjectNameOrLoad(out ComposeProjectConfig? project)
        {
            project = null;
            if (InputObject is { } piped)
            {
                project = piped;
                return piped.Name;
            }

            if (ProjectName is { } name && Path is null)
            {
                return name;
            }

            project = LoadProject();
            return project?.Name;
        }
    }

    /// <summary>The settings of a step run.</summary>
    public sealed class ComposeRunOptions
    {
        /// <summary>Seconds a stop waits before killing; null: the container's own.</summary>
        public int? StopTimeout { get; set; }

        /// <summary>Remove anonymous volumes with containers (down -v).</summary>
        public bool RemoveVolumes { get; set; }

        /// <summary>How long waits may take; null: no limit.</summary>
        public TimeSpan? WaitTimeout { get; set; }
    }
}
