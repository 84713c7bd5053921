using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Builds an image from a Dockerfile (docker build).</para>
    /// <para type="description">Sends the context folder to the engine's classic builder as a tar made
    /// while it is sent, leaving out what the folder's .dockerignore excludes (the docker CLI's rules:
    /// ! exceptions, **, a leading / ignored; the Dockerfile and the .dockerignore are always sent).
    /// Each line of the build's output is written to the information stream as it arrives (tags
    /// PSDocker and Build; see it with -InformationAction Continue), and the progress bar shows the
    /// steps. Emits the built image, once per -Tag. A failing step is an ImageBuildFailed error that names
    /// the step, and nothing is emitted for it.</para>
    /// </summary>
    [Cmdlet("Build", "Image", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Image))]
    public sealed class BuildImageCommand : DockerCmdlet
    {
        /// <summary>The context folder (<c>docker build PATH</c>); the current location when omitted.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>
        /// The Dockerfile (<c>-f</c>), relative to the current location as with the docker CLI; by default
        /// the context's Dockerfile. It may lie outside the context.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("File")]
        public string? Dockerfile { get; set; }

        /// <summary>Names for the image, each <c>repository[:tag]</c> (<c>-t</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageReferenceCompleter))]
        public string[] Tag { get; set; } = Array.Empty<string>();

        /// <summary>Build-time variables (<c>--build-arg</c>): <c>@{ VERSION = '2' }</c>; a $null value takes the variable from the environment.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? BuildArg { get; set; }

        /// <summary>The stage of a multi-stage Dockerfile to build (<c>--target</c>).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Target { get; set; }

        /// <summary>Labels to give the image (<c>--label</c>): <c>@{ team = 'web' }</c>.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Label { get; set; }

        /// <summary>Builds every step afresh, without the cache (<c>--no-cache</c>).</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Pulls newer versions of the base images (<c>--pull</c>).</summary>
        [Parameter]
        public SwitchParameter Pull { get; set; }

        /// <summary>Removes the step containers also when a step fails (<c>--force-rm</c>); by default a failed step's container is kept, as docker build keeps it.</summary>
        [Parameter]
        public SwitchParameter ForceRemove { get; set; }

        /// <summary>The platform to build for (<c>--platform linux/amd64</c>), where the engine supports it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Platform { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void Process()
        {
            var contextPath = Path is null
                ? SessionState.Path.CurrentFileSystemLocation.ProviderPath
                : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            var named = Path ?? contextPath;
            ImageBuildRequest request;
            try
            {
                foreach (var tag in Tag)
                {
                    ImageReference.ParseTag(tag);
                }

                request = new ImageBuildRequest
                {
                    ContextPath = contextPath,
                    Dockerfile = Dockerfile is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Dockerfile),
                    Tags = Tag.ToList(),
                    BuildArgs = BuildArguments(),
                    Labels = EnvironmentVariables.ToLabels(Label),
                    Target = Target,
                    NoCache = NoCache,
                    Pull = Pull,
                    ForceRemove = ForceRemove,
                    Platform = Platform,
                };
            }
            catch (InvalidSpecException e)
            {
                WriteError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, e.Spec));
                return;
            }

            foreach (var engine in TargetEngines)
            {
                var target = Tag.Length == 0 ? named : named + " as " + string.Join(", ", Tag);
                if (!ShouldProcess(target + OnEngine(engine), "Build image"))
                {
                    continue;
                }

                try
                {
                    WriteObject(Build(engine, request, Tag.Length == 0 ? named : Tag[0]), enumerateCollection: true);
                }
                catch (Exception e) when (e is EngineException or InvalidSpecException)
                {
                    Fail(e, e is EngineException { ErrorId: "DockerfileNotFound" } ? Dockerfile ?? named : e is InvalidSpecException spec ? spec.Spec : named);
                }
            }
        }

        /// <summary>Runs the build, writing its lines and steps as they arrive on the pipeline thread.</summary>
        private IList<Image> Build(EngineConnection engine, ImageBuildRequest request, string shownAs)
        {
            var activity = "Building image " + shownAs;
            IList<Image>? built = null;
            var started = false;
            try
            {
                using var feed = new PipelineFeed<ImageBuildProgress>(CancellationToken);
                feed.Run(
                    async (post, token) => built = await engine.Images.BuildAsync(request, new SyncProgress<ImageBuildProgress>(post), token).ConfigureAwait(false),
                    line =>
                    {
                        WriteInformation(line.Line, new[] { "PSDocker", "Build" });
                        if (line.Line.StartsWith("[Warning] ", StringComparison.Ordinal))
                        {
                            // The engine's own warnings (unused build args, …) are warnings here too, seen by default.
                            WriteWarning(line.Line.Substring("[Warning] ".Length));
                        }

                        if (line.IsStepStart || !started)
                        {
                            started = true;
                            var record = new ProgressRecord(1, activity, line.StepText ?? "Sending build context");
                            if (line.StepCount > 0)
                            {
                                record.PercentComplete = Math.Min(100, (line.Step - 1) * 100 / line.StepCount);
                            }

                            WriteProgress(record);
                        }
                    });
            }
            catch (Exception e) when (IsCancellation(e))
            {
                Fail(e, null);
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }

            return built!;
        }

        private IDictionary<string, string?> BuildArguments()
        {
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in BuildArg ?? new Hashtable())
            {
                var name = Convert.ToString(entry.Key is PSObject k ? k.BaseObject : entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                if (name.Length == 0 || name.IndexOf('=') >= 0)
                {
                    throw new InvalidSpecException("BuildArg", name, $"'{name}' is not a valid build argument name: it is empty or holds '='. Use -BuildArg @{{ NAME = 'value' }}.");
                }

                var value = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                try
                {
                    result[name] = value is null ? null : EnvironmentVariables.ScalarText(name, value, "Label");
                }
                catch (InvalidSpecException)
                {
                    throw new InvalidSpecException("BuildArg", name, $"The build argument '{name}' is given more than one value, but build arguments hold one string. Give a single value, or join the values yourself: -BuildArg @{{ {name} = 'a,b' }}.");
                }
            }

            return result;
        }
    }
}
