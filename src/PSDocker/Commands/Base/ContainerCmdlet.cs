using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of cmdlets that act on containers named or piped by the user. Owns the three ways to name a
    /// container — <c>-Name</c> (positional, pipeline strings, wildcards), <c>-Id</c> (by property name)
    /// and <c>-InputObject</c> (piped Container/ContainerDetail objects) — and turns each input into
    /// <see cref="ContainerTarget"/>s on the right engine.
    /// </summary>
    public abstract class ContainerCmdlet : DockerCmdlet
    {
        /// <inheritdoc />
        protected override string ResourceNoun => "Container";

        /// <summary>Parameter set for -Name.</summary>
        protected const string NameSet = "Name";

        /// <summary>Parameter set for -Id.</summary>
        protected const string IdSet = "Id";

        /// <summary>Parameter set for -InputObject.</summary>
        protected const string InputObjectSet = "InputObject";

        private readonly Dictionary<EngineConnection, IList<Container>> _listings = new Dictionary<EngineConnection, IList<Container>>();

        /// <summary>
        /// Container names or ids (docker accepts either, and unique id prefixes). Wildcards match
        /// container names.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContainerNameCompleter))]
        public string[] Name { get; set; } = Array.Empty<string>();

        /// <summary>Container ids (full or unique prefixes).</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Containers from Get-Container, Get-ContainerDetail or New-Container.</summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ContainerReference[] InputObject { get; set; } = Array.Empty<ContainerReference>();

        /// <summary>
        /// The containers this ProcessRecord's input names, on the engines they live on. Wildcard names
        /// are matched against the engine's list (no match: nothing); plain names and ids are passed to
        /// the engine as they are, which resolves names, ids and id prefixes like the docker CLI.
        /// </summary>
        protected IEnumerable<ContainerTarget> ResolveTargets()
        {
            switch (ParameterSetName)
            {
                case InputObjectSet:
                    foreach (var container in InputObject)
                    {
                        foreach (var engine in EnginesFor(container))
                        {
                            yield return new ContainerTarget(engine, container.Id, container.Name.Length > 0 ? container.Name : container.ShortId, container);
                        }
                    }

                    break;

                case IdSet:
                    foreach (var id in Id)
                    {
                        foreach (var engine in TargetEngines)
                        {
                            yield return new ContainerTarget(engine, id, id, id);
                        }
                    }

                    break;

                default:
                    foreach (var name in Name)
                    {
                        foreach (var engine in TargetEngines)
                        {
                            if (!WildcardPattern.ContainsWildcardCharacters(name))
                            {
                                yield return new ContainerTarget(engine, name, name, name);
                                continue;
                            }

                            var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                            foreach (var c in ListContainers(engine).Where(c => pattern.IsMatch(c.Name)))
                            {
                                yield return new ContainerTarget(engine, c.Id, c.Name, c);
                            }
                        }
                    }

                    break;
            }
        }

        /// <summary>The engine's containers, listed once per command and engine (for wildcards).</summary>
        protected IList<Container> ListContainers(EngineConnection engine)
        {
            if (!_listings.TryGetValue(engine, out var list))
            {
                list = Await(ContainerApi.ListAsync(engine, new ContainerQuery(), CancellationToken), engine);
                _listings[engine] = list;
            }

            return list;
        }

        /// <summary>How a target is named in -WhatIf/-Confirm; the engine is named when it is not the default.</summary>
        protected string DescribeTarget(ContainerTarget target) =>
            ExplicitEngines is null && target.Engine == DefaultEngine
                ? target.DisplayName
                : target.DisplayName + " on " + target.Engine.Endpoint;

        /// <summary>Writes the error for a failed operation on one container.</summary>
        protected void WriteContainerError(Exception exception, ContainerTarget target) =>
            WriteEngineError(exception, "Container", target.UserTarget, target.Engine);
    }

    /// <summary>One container to act on: the engine, the reference sent to it, and what the user passed.</summary>
    public sealed class ContainerTarget
    {
        /// <summary>Creates a target.</summary>
        public ContainerTarget(EngineConnection engine, string reference, string displayName, object userTarget)
        {
            Engine = engine;
            Reference = reference;
            DisplayName = displayName;
            UserTarget = userTarget;
        }

        /// <summary>The engine the container lives on.</summary>
        public EngineConnection Engine { get; }

        /// <summary>Name, id or id prefix sent to the engine.</summary>
        public string Reference { get; }

        /// <summary>How the container is named in -WhatIf/-Confirm and progress.</summary>
        public string DisplayName { get; }

        /// <summary>What the user passed (string or object): the target of error records.</summary>
        public object UserTarget { get; }
    }
}
