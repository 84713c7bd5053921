using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of every PSDocker cmdlet: the <c>-Context</c>/<c>-DockerHost</c> parameters, engine
    /// resolution, the one cancellation source that Ctrl+C trips, and the one path every failure takes
    /// to the user (<see cref="Fail"/>): Ctrl+C stops the pipeline, an unreachable engine is one
    /// terminating error, anything else an error record with the ErrorId the engine layer gave it.
    /// </summary>
    public abstract class DockerCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private EndpointResolver? _resolver;
        private IReadOnlyList<EngineConnection>? _explicitEngines;
        private EngineConnection? _defaultEngine;
        private readonly HashSet<EngineConnection> _announced = new HashSet<EngineConnection>();
        private readonly HashSet<string> _warned = new HashSet<string>(StringComparer.Ordinal);
        private bool _disposed;

        /// <summary>
        /// Docker contexts to talk to (as <c>docker context ls</c> lists them). Several contexts fan out:
        /// the command runs against each.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContextNameCompleter))]
        public string[]? Context { get; set; }

        /// <summary>
        /// Engine addresses to talk to (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2376</c>,
        /// <c>npipe:////./pipe/docker_engine</c>). Several addresses fan out.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [Alias("Host", "H")]
        public string[]? DockerHost { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>The noun of the resources this cmdlet works on, for ErrorIds of failures the engine layer did not name.</summary>
        protected virtual string Noun => "Engine";

        private EndpointResolver Resolver => _resolver ??= EndpointResolver.ForCurrentProcess();

        /// <summary>
        /// The engines named explicitly by -Context/-DockerHost, or null when neither was given.
        /// </summary>
        protected IReadOnlyList<EngineConnection>? ExplicitEngines => _explicitEngines ??= ResolveExplicit();

        /// <summary>The engines a command with no piped object talks to.</summary>
        protected IReadOnlyList<EngineConnection> TargetEngines => ExplicitEngines ?? new[] { DefaultEngine };

        /// <summary>The engine from the environment, docker config or platform default.</summary>
        protected EngineConnection DefaultEngine => _defaultEngine ??= Resolve(() => EngineConnection.For(Resolver.ResolveDefault()), "DOCKER_CONTEXT");

        /// <summary>
        /// The engines a piped object is acted on: explicit -Context/-DockerHost win, then the object's
        /// own engine, then the default.
        /// </summary>
        protected IReadOnlyList<EngineConnection> EnginesFor(Engine? engine)
        {
            if (ExplicitEngines is { } explicitEngines)
            {
                return explicitEngines;
            }

            if (engine is not null)
            {
                return new[] { Resolve(() => EngineConnection.ForEngine(engine, Resolver), engine.ToString()) };
            }

            return new[] { DefaultEngine };
        }

        /// <summary>How an engine is named in -WhatIf/-Confirm text: nothing for the default engine.</summary>
        protected string OnEngine(EngineConnection engine) =>
            ExplicitEngines is null && engine == DefaultEngine ? string.Empty : " on " + engine.Endpoint;

        /// <summary>Runs once before the first input: validate parameters, prepare.</summary>
        protected virtual void Begin()
        {
        }

        /// <summary>Runs once per input object.</summary>
        protected virtual void Process()
        {
        }

        /// <summary>Runs once after the last input: drain what is in flight.</summary>
        protected virtual void End()
        {
        }

        /// <inheritdoc />
        protected sealed override void BeginProcessing() => Guard(Begin);

        /// <inheritdoc />
        protected sealed override void ProcessRecord() => Guard(Process);

        /// <inheritdoc />
        protected sealed override void EndProcessing() => Guard(End);

        /// <summary>Cancels every engine call in flight.</summary>
        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            base.StopProcessing();
        }

        /// <summary>
        /// Waits for an engine call on the pipeline thread. Ctrl+C surfaces as PipelineStoppedException;
        /// an unreachable engine as one terminating error naming the endpoint; other failures are
        /// rethrown for the caller to report per item with <see cref="Fail"/>.
        /// </summary>
        protected T Await<T>(Task<T> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (Exception e) when (IsCancellation(e) || e is EngineUnreachableException)
            {
                Fail(e, null);
                throw; // not reached
            }
        }

        /// <summary>Waits for an engine call that returns nothing; see <see cref="Await{T}"/>.</summary>
        protected void Await(Task task) =>
            Await(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default));

        /// <summary>Whether an exception is the result of the user's Ctrl+C.</summary>
        protected bool IsCancellation(Exception e) =>
            _cancellation.IsCancellationRequested && e is not EngineUnreachableException;

        /// <summary>
        /// The one path of a failure to the user: Ctrl+C stops the pipeline, an unreachable engine is a
        /// terminating error, anything else a non-terminating error record for <paramref name="target"/>.
        /// </summary>
        protected void Fail(Exception exception, object? target)
        {
            if (IsCancellation(exception))
            {
                throw new PipelineStoppedException();
            }

            if (exception is EngineUnreachableException unreachable)
            {
                ThrowTerminatingError(new ErrorRecord(unreachable, unreachable.ErrorId, unreachable.Category, unreachable.Endpoint));
            }

            WriteError(ToErrorRecord(exception, target));
        }

        /// <summary>The error record for a failure: the engine layer's ErrorId and category, else the noun's OperationFailed.</summary>
        protected ErrorRecord ToErrorRecord(Exception exception, object? target) => exception switch
        {
            EngineException e => new ErrorRecord(e, e.ErrorId, e.Category, target),
            ComposeFileException e => e.ToErrorRecord(target),
            InvalidSpecException e => new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidArgument, target),
            ArgumentException e => new ErrorRecord(e, "InvalidArgument", ErrorCategory.InvalidArgument, target),
            _ => new ErrorRecord(exception, Noun + "OperationFailed", ErrorCategory.NotSpecified, target),
        };

        /// <summary>
        /// ShouldProcess for what clears much at once (prunes, engine-wide clears): it asks, like docker's
        /// prune, unless <paramref name="force"/> (prune -f), <c>-Confirm:$false</c> or
        /// <c>$ConfirmPreference = 'None'</c>; -WhatIf and -Confirm work as for any change. A single
        /// removal asks only when the user asks for it (ConfirmImpact Medium).
        /// </summary>
        protected bool ShouldProcessHighImpact(string target, string action, bool force)
        {
            if (!ShouldProcess(target, action))
            {
                return false;
            }

            if (force || MyInvocation.BoundParameters.ContainsKey("Confirm") || GetVariableValue("ConfirmPreference") is ConfirmImpact.None)
            {
                // -Confirm:$true has asked in ShouldProcess already; -Confirm:$false and -Force ask nothing.
                return true;
            }

            try
            {
                return ShouldContinue($"{action}: {target}?", "Confirm");
            }
            catch (Exception e) when (e is PSInvalidOperationException or System.Management.Automation.Host.HostException or NotImplementedException or PSNotImplementedException)
            {
                // A host that cannot ask (pwsh -NonInteractive, a runbook): say how to go on without asking.
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"{MyInvocation.MyCommand.Name} asks before it does '{action}' on {target}, and this session cannot ask. Pass -Force (as with docker … prune -f) or -Confirm:$false to go ahead without asking.", e),
                    "ConfirmationRequired",
                    ErrorCategory.PermissionDenied,
                    target));
                return false;
            }
        }

        /// <summary>
        /// The listing of Get-* cmdlets: asks every target engine at once, writes what
        /// <paramref name="select"/> keeps of each engine's list in the engines' order, and reports an engine
        /// that fails without stopping the others.
        /// </summary>
        protected void WriteListings<T>(Func<EngineConnection, Task<IList<T>>> list, Func<IList<T>, IEnumerable<T>> select)
        {
            var listings = TargetEngines.Select(list).ToList();
            foreach (var task in listings)
            {
                IList<T> items;
                try
                {
                    items = Await(task);
                }
                catch (EngineException e)
                {
                    Fail(e, null);
                    continue;
                }

                foreach (var item in select(items))
                {
                    WriteObject(item);
                }
            }
        }

        /// <summary>One ObjectNotFound error (<c>{Noun}NotFound</c>) for each name a listing found nothing for.</summary>
        protected void WriteNotFound(IEnumerable<string> missing, string what, bool filtered)
        {
            foreach (var name in missing)
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"No {what} '{name}' was found{(filtered ? " with the given filters" : string.Empty)}."),
                    Noun + "NotFound",
                    ErrorCategory.ObjectNotFound,
                    name));
            }
        }

        /// <summary>Throws a terminating error for an invalid parameter value or combination.</summary>
        protected void ThrowArgumentError(string message, string errorId, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        /// <summary>
        /// Runs an operation that reports progress (a pull, a push, a build): its messages become
        /// Write-Progress records under <paramref name="activity"/>, written on the pipeline thread as they
        /// arrive, and every activity is closed at the end. The operation's failure is rethrown.
        /// </summary>
        protected void RunWithProgress(string activity, Func<Action<ProgressMessage>, CancellationToken, Task> operation)
        {
            var view = new ProgressTracker(activity);
            try
            {
                using var feed = new PipelineFeed<ProgressMessage>(CancellationToken);
                feed.Run(operation, message =>
                {
                    foreach (var record in view.Update(message))
                    {
                        WriteProgress(record);
                    }
                });
            }
            catch (Exception e) when (IsCancellation(e) || e is EngineUnreachableException)
            {
                Fail(e, null);
            }
            finally
            {
                foreach (var record in view.Complete())
                {
                    WriteProgress(record);
                }
            }
        }

        /// <summary>
        /// Runs a pipeline step so that an engine failure no cmdlet anticipated still reaches the user as
        /// a PowerShell error with an ErrorId and category (terminating), never as a raw exception.
        /// </summary>
        private void Guard(Action step)
        {
            try
            {
                step();
            }
            catch (Exception e) when (e is EngineException && !IsCancellation(e))
            {
                if (e is EngineUnreachableException)
                {
                    Fail(e, null);
                }

                ThrowTerminatingError(ToErrorRecord(e, null));
            }
            catch (Exception e) when (IsCancellation(e) && e is not PipelineStoppedException)
            {
                throw new PipelineStoppedException();
            }
        }

        private IReadOnlyList<EngineConnection>? ResolveExplicit()
        {
            if (Context is null && DockerHost is null)
            {
                return null;
            }

            var engines = new List<EngineConnection>();
            foreach (var name in Context ?? Array.Empty<string>())
            {
                engines.Add(Resolve(() => EngineConnection.For(Resolver.FromContext(name)), name));
            }

            foreach (var host in DockerHost ?? Array.Empty<string>())
            {
                engines.Add(Resolve(() => EngineConnection.For(Resolver.FromHost(host)), host));
            }

            return engines.Distinct().ToList();
        }

        private EngineConnection Resolve(Func<EngineConnection> connect, string target)
        {
            EngineConnection? engine = null;
            try
            {
                engine = connect();
            }
            catch (DockerContextNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ContextNotFound", ErrorCategory.ObjectNotFound, e.ContextName));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidDockerHost", ErrorCategory.InvalidArgument, EngineEndpoint.RedactUserInfo(target)));
            }
            catch (Exception e) when (e is System.IO.IOException or System.IO.InvalidDataException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or InvalidOperationException or FormatException or NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "EngineConfigurationInvalid", ErrorCategory.InvalidData, EngineEndpoint.RedactUserInfo(target)));
            }

            // What the docker config could not give (a broken config.json): said once, and the defaults apply.
            foreach (var warning in Resolver.Warnings)
            {
                if (_warned.Add(warning))
                {
                    WriteWarning(warning);
                }
            }

            if (_announced.Add(engine!))
            {
                WriteVerbose("Engine: " + engine!.Endpoint + (engine.Endpoint.ContextName is { } context ? " (context " + context + ")" : string.Empty));
            }

            return engine!;
        }

        /// <summary>Releases what the cmdlet holds: derived cmdlets close their streams, then call the base.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (disposing)
            {
                _cancellation.Dispose();
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }
}
