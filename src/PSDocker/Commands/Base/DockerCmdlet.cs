using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of every PSDocker cmdlet: the <c>-Context</c>/<c>-DockerHost</c> parameters, engine
    /// resolution, the one cancellation source that Ctrl+C trips, and the error helpers.
    /// </summary>
    public abstract class DockerCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private EndpointResolver? _resolver;
        private IReadOnlyList<EngineConnection>? _explicitEngines;
        private EngineConnection? _defaultEngine;

        /// <summary>
        /// Docker contexts to talk to (as <c>docker context ls</c> lists them). Several contexts fan out:
        /// the command runs against each.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
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

        private EndpointResolver Resolver => _resolver ??= EndpointResolver.ForCurrentProcess();

        /// <summary>
        /// The engines named explicitly by -Context/-DockerHost, or null when neither was given.
        /// </summary>
        protected IReadOnlyList<EngineConnection>? ExplicitEngines => _explicitEngines ??= ResolveExplicit();

        /// <summary>The engines a command with no piped object talks to.</summary>
        protected IReadOnlyList<EngineConnection> TargetEngines => ExplicitEngines ?? new[] { DefaultEngine };

        /// <summary>The engine from the environment, docker config or platform default.</summary>
        protected EngineConnection DefaultEngine => _defaultEngine ??= Resolve(() => Resolver.ResolveDefault(), "DOCKER_CONTEXT");

        /// <summary>
        /// The engines a piped object is acted on: explicit -Context/-DockerHost win, then the object's
        /// own engine, then the default.
        /// </summary>
        protected IReadOnlyList<EngineConnection> EnginesFor(EngineObject? piped)
        {
            if (ExplicitEngines is { } explicitEngines)
            {
                return explicitEngines;
            }

            if (piped?.Engine is { } engine)
            {
                return new[] { EngineConnection.ForEngine(engine, Resolver) };
            }

            return new[] { DefaultEngine };
        }

        /// <summary>The kind of resource this cmdlet works on, for ErrorIds (<c>ContainerNotFound</c>, …).</summary>
        protected virtual string ResourceNoun => "Engine";

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
        /// an unreachable engine as one terminating error naming the endpoint.
        /// </summary>
        protected T Await<T>(Task<T> task, EngineConnection engine)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (Exception e) when (IsCancellation(e))
            {
                throw new PipelineStoppedException();
            }
            catch (Exception e) when (EngineErrors.IsUnreachable(e))
            {
                ThrowTerminatingError(EngineErrors.Unreachable(e, engine.Endpoint));
                throw; // not reached
            }
        }

        /// <summary>Waits for an engine call that returns nothing; see <see cref="Await{T}"/>.</summary>
        protected void Await(Task task, EngineConnection engine) =>
            Await(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), engine);

        /// <summary>Whether an exception is the result of the user's Ctrl+C.</summary>
        protected bool IsCancellation(Exception e) =>
            _cancellation.IsCancellationRequested && (e is OperationCanceledException || e is ObjectDisposedException || e is System.IO.IOException || e is PipelineStoppedException);

        /// <summary>
        /// Writes a per-item error for an engine failure, or stops the pipeline when the engine is
        /// unreachable or the user pressed Ctrl+C.
        /// </summary>
        protected void WriteEngineError(Exception exception, string noun, object? target, EngineConnection engine)
        {
            if (IsCancellation(exception))
            {
                throw new PipelineStoppedException();
            }

            if (EngineErrors.IsUnreachable(exception))
            {
                ThrowTerminatingError(EngineErrors.Unreachable(exception, engine.Endpoint));
            }

            WriteError(MapError(exception, noun, target));
        }

        /// <summary>
        /// Runs a pipeline step so that an engine refusal no cmdlet anticipated still reaches the user as
        /// a PowerShell error with an ErrorId and category (terminating), never as a raw client exception.
        /// </summary>
        private void Guard(Action step)
        {
            try
            {
                step();
            }
            catch (DockerApiException e)
            {
                ThrowTerminatingError(MapError(e, ResourceNoun, null));
            }
        }

        /// <summary>Maps an engine failure to an error record; cmdlets override for their own cases.</summary>
        protected virtual ErrorRecord MapError(Exception exception, string noun, object? target) =>
            EngineErrors.ToErrorRecord(exception, noun, target);

        /// <summary>Throws a terminating error for an invalid parameter value or combination.</summary>
        protected void ThrowArgumentError(string message, string errorId, object? target) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target));

        private IReadOnlyList<EngineConnection>? ResolveExplicit()
        {
            if (Context is null && DockerHost is null)
            {
                return null;
            }

            var engines = new List<EngineConnection>();
            foreach (var name in Context ?? Array.Empty<string>())
            {
                engines.Add(Resolve(() => Resolver.FromContext(name), name));
            }

            foreach (var host in DockerHost ?? Array.Empty<string>())
            {
                engines.Add(Resolve(() => Resolver.FromHost(host), host));
            }

            return engines.Distinct().ToList();
        }

        private EngineConnection Resolve(Func<EngineEndpoint> resolve, string target)
        {
            try
            {
                return EngineConnection.For(resolve());
            }
            catch (DockerContextNotFoundException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "ContextNotFound", ErrorCategory.ObjectNotFound, e.ContextName));
            }
            catch (ArgumentException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, "InvalidDockerHost", ErrorCategory.InvalidArgument, target));
            }
            catch (Exception e) when (e is System.IO.IOException or System.Text.Json.JsonException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                ThrowTerminatingError(new ErrorRecord(e, "EngineConfigurationInvalid", ErrorCategory.InvalidData, target));
            }

            throw new InvalidOperationException("not reached");
        }

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _cancellation.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
