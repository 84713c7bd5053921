using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>The parameter set names every resource cmdlet shares.</summary>
    public static class ParameterSets
    {
        /// <summary>Resources named by -Name (positional, pipeline strings, wildcards).</summary>
        public const string Name = "Name";

        /// <summary>Resources named by -Id.</summary>
        public const string Id = "Id";

        /// <summary>Resources piped as objects that know them.</summary>
        public const string InputObject = "InputObject";
    }

    /// <summary>
    /// Base of cmdlets that act on resources of one kind named or piped by the user. Owns the three ways
    /// to name them — <c>-Name</c> (positional, pipeline strings, wildcards), <c>-Id</c> (by property
    /// name) and <c>-InputObject</c> (piped objects that know their resource: <typeparamref name="TRef"/>)
    /// — and turns each input into <see cref="ResourceTarget"/>s on the right engine. Any other piped
    /// object is refused, never read as a name through its text.
    /// </summary>
    /// <typeparam name="T">The kind's listing type (Container, …).</typeparam>
    /// <typeparam name="TRef">What binds by value: the objects that know a resource of the kind.</typeparam>
    public abstract class ResourceCmdlet<T, TRef> : DockerCmdlet
        where T : class
        where TRef : class, IResourceReference
    {
        private readonly Dictionary<EngineConnection, IList<T>> _listings = new Dictionary<EngineConnection, IList<T>>();

        /// <summary>
        /// Names or ids (the engine takes either, and unique id prefixes). Wildcards match names.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Name, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public NameOrId[] Name { get; set; } = Array.Empty<NameOrId>();

        /// <summary>Ids (full or unique prefixes).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public NameOrId[] Id { get; set; } = Array.Empty<NameOrId>();

        /// <summary>Objects that know their resource, from the pipeline (what Get-… and New-… emit).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.InputObject, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TRef[] InputObject { get; set; } = Array.Empty<TRef>();

        /// <summary>The kind of resource this cmdlet acts on.</summary>
        protected ResourceKind<T> Kind { get; } = ResourceKinds.Of<T>();

        /// <inheritdoc />
        protected override string Noun => Kind.Noun;

        /// <summary>
        /// The resources this ProcessRecord's input names, on the engines they live on. Wildcard names
        /// are matched against the engine's list (no match: nothing); plain names and ids are passed to
        /// the engine as they are, which resolves names, ids and id prefixes like the docker CLI.
        /// </summary>
        protected IEnumerable<ResourceTarget> ResolveTargets()
        {
            switch (ParameterSetName)
            {
                case ParameterSets.InputObject:
                    foreach (var item in InputObject)
                    {
                        foreach (var engine in EnginesFor(item.Engine))
                        {
                            var display = item.ResourceName.Length > 0 ? item.ResourceName : ResourceIds.Short(item.ResourceId);
                            yield return new ResourceTarget(engine, Kind.ReferenceOf(item), display, item);
                        }
                    }

                    break;

                case ParameterSets.Id:
                    foreach (var item in Id)
                    {
                        // An id from an object that knows its engine (a compose service's containers) is acted on there.
                        var id = item.Value;
                        foreach (var engine in item.Engine is { } known ? EnginesFor(known) : TargetEngines)
                        {
                            yield return new ResourceTarget(engine, id, id, id);
                        }
                    }

                    break;

                default:
                    foreach (var name in Name.Select(n => n.Value))
                    {
                        foreach (var engine in TargetEngines)
                        {
                            if (!WildcardPattern.ContainsWildcardCharacters(name))
                            {
                                yield return new ResourceTarget(engine, name, name, name);
                                continue;
                            }

                            var matcher = new NameMatcher<T>(Kind, new[] { name }, Array.Empty<string>());
                            foreach (var resource in matcher.Select(List(engine)))
                            {
                                yield return new ResourceTarget(engine, Kind.ReferenceOf(resource), Kind.DisplayName(resource), resource);
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>The engine's resources of the kind, listed once per command and engine (for wildcards).</summary>
        protected IList<T> List(EngineConnection engine)
        {
            if (!_listings.TryGetValue(engine, out var list))
            {
                list = Await(Kind.ListAsync(engine, CancellationToken));
                _listings[engine] = list;
            }

            return list;
        }

        /// <summary>The resource a target names as it is now (for -PassThru); null when it is gone.</summary>
        protected System.Threading.Tasks.Task<T?> RefreshAsync(ResourceTarget target, System.Threading.CancellationToken cancellation) =>
            Kind.FindAsync(target.Engine, target.Reference, cancellation);

        /// <summary>
        /// Writes what the readers of <paramref name="feed"/> (one per target) have produced, on the pipeline
        /// thread; a reader's failure is reported for its target. With <paramref name="wait"/>, until every
        /// reader has ended. Ctrl+C stops the pipeline.
        /// </summary>
        protected void Pump<TItem>(PipelineFeed<TItem> feed, bool wait)
        {
            try
            {
                feed.Pump(item => WriteObject(item), (key, error) =>
                {
                    if (error is not null)
                    {
                        FailTarget(error, (ResourceTarget)key);
                    }
                }, wait);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>How a target is named in -WhatIf/-Confirm; the engine is named when it is not the default.</summary>
        protected string DescribeTarget(ResourceTarget target) => target.DisplayName + OnEngine(target.Engine);

        /// <summary>
        /// Reports a failed operation on one target, naming the resource as the user named it (the
        /// engine's messages carry full ids).
        /// </summary>
        protected void FailTarget(Exception exception, ResourceTarget target)
        {
            if (exception is EngineException engineError && Kind.IsFullId(target.Reference) && engineError.Message.IndexOf(target.Reference, StringComparison.Ordinal) >= 0)
            {
                exception = engineError.WithMessage(engineError.Message.Replace(target.Reference, target.DisplayName));
            }

            Fail(exception, target.UserTarget);
        }
    }

    /// <summary>One resource to act on: the engine, the reference sent to it, and what the user passed.</summary>
    public sealed class ResourceTarget
    {
        /// <summary>Creates a target.</summary>
        internal ResourceTarget(EngineConnection engine, string reference, string displayName, object userTarget)
        {
            Engine = engine;
            Reference = reference;
            DisplayName = displayName;
            UserTarget = userTarget;
        }

        /// <summary>The engine the resource lives on.</summary>
        internal EngineConnection Engine { get; }

        /// <summary>Name, id or id prefix sent to the engine.</summary>
        public string Reference { get; }

        /// <summary>How the resource is named in -WhatIf/-Confirm, progress and errors.</summary>
        public string DisplayName { get; }

        /// <summary>What the user passed (string or object): the target of error records.</summary>
        public object UserTarget { get; }
    }
}
