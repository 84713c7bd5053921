using System;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// Base of the Get-* listings of a noun that has names and ids (containers, networks, images): the
    /// <c>-Name</c>/<c>-Id</c> parameters and what they collect over the pipeline (<see cref="Request"/>).
    /// Input that names nothing usable — an empty or null name, an object refused at binding, no object
    /// at all — lists nothing, so the rest of a pipeline never acts on every resource by accident.
    /// </summary>
    public abstract class ResourceListCmdlet : DockerCmdlet
    {
        private ListingRequest? _request;

        /// <summary>Names or ids to list; wildcards match names. Default: all.</summary>
        [Parameter(Position = 0, ParameterSetName = ParameterSets.Name, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [AllowEmptyCollection]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ResourceNameCompleter))]
        public NameOrId?[]? Name { get; set; }

        /// <summary>Ids or id prefixes to list.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.Id, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public NameOrId[]? Id { get; set; }

        /// <summary>The names and ids collected from every input.</summary>
        protected ListingRequest Request => _request ??= new ListingRequest(Noun.ToLowerInvariant() + " name or id", MyInvocation.MyCommand.Name);

        /// <summary>Lists what <see cref="Request"/> names (everything when it names nothing).</summary>
        protected abstract void List();

        /// <inheritdoc />
        protected sealed override void Process()
        {
            if (ParameterSetName == ParameterSets.Id)
            {
                Request.AddIds(Id);
            }
            else if (Request.AddNames(MyInvocation.BoundParameters.ContainsKey(nameof(Name)), Name) is { } error)
            {
                WriteError(error);
            }
        }

        /// <inheritdoc />
        protected sealed override void End()
        {
            if (!Request.NamesNothingUsable(MyInvocation.ExpectingInput))
            {
                List();
            }
        }
    }
}
