using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the docker contexts (docker context ls): the named engine endpoints in the docker configuration.</para>
    /// <para type="description">Reads the contexts the docker CLI stores under $env:DOCKER_CONFIG (or ~/.docker), plus the default context (DOCKER_HOST or the platform's engine). Current marks the context in use: the default one when DOCKER_HOST is set, else DOCKER_CONTEXT, else the docker config's currentContext. -Name takes wildcards; a name without wildcards that matches nothing is an error.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ContainerContext")]
    [OutputType(typeof(ContainerContext))]
    public sealed class GetContainerContextCommand : ContextCmdlet
    {
        private readonly List<string> _names = new List<string>();

        /// <summary>Context names to get (wildcards allowed); all when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ContextNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the context in use.</summary>
        [Parameter]
        public SwitchParameter Current { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _names.AddRange(Name ?? Array.Empty<string>());
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            IList<ContainerContext> contexts;
            try
            {
                contexts = Store.List();
            }
            catch (Exception e) when (IsConfigurationFailure(e))
            {
                ThrowTerminatingError(ConfigurationError(e, Store.ConfigDirectory));
                return;
            }

            var patterns = _names.Select(n => (Name: n, Pattern: WildcardPattern.Get(n, WildcardOptions.None))).ToList();
            foreach (var context in contexts)
            {
                if ((patterns.Count == 0 || patterns.Any(p => p.Pattern.IsMatch(context.Name))) && (!Current || context.Current))
                {
                    WriteObject(context);
                }
            }

            foreach (var (name, pattern) in patterns)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(name) && !contexts.Any(c => pattern.IsMatch(c.Name)))
                {
                    WriteError(NotFound(name));
                }
            }
        }
    }
}
