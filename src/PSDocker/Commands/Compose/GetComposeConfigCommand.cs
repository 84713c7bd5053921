using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the resolved compose project (docker compose config): the compose files merged, interpolated and checked, as objects or as YAML.</para>
    /// <para type="description">Reads the compose files the way docker compose finds them (compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml in the current folder or its parents, with an override file beside it) or the files named by -Path, merged in order. Variables are substituted from the environment and the project's .env file. Unknown keys, keys PowerShell's compose does not support yet, missing required variables, dependency cycles and undefined networks or volumes are errors naming the file, line and column. No engine is contacted.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ComposeConfig")]
    [OutputType(typeof(ComposeProjectConfig))]
    [OutputType(typeof(string))]
    public sealed class GetComposeConfigCommand : PSCmdlet
    {
        private readonly List<string> _paths = new List<string>();

        /// <summary>Compose files to read, merged in order (docker compose -f); by default the file docker compose would find from the current location. Piped files bind here.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("FullName", "PSPath")]
        public string[]? Path { get; set; }

        /// <summary>The project name (docker compose -p); by default COMPOSE_PROJECT_NAME, the file's top-level name, else the folder's name, normalised.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectName { get; set; }

        /// <summary>Profiles to enable (docker compose --profile); by default COMPOSE_PROFILES. '*' enables all.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ComposeProfileCompleter))]
        public string[]? Profile { get; set; }

        /// <summary>Only these services (docker compose config SERVICE…); they are enabled whatever their profiles.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ComposeServiceNameCompleter))]
        public string[]? Service { get; set; }

        /// <summary>Writes the resolved project as YAML text, as docker compose config prints it.</summary>
        [Parameter]
        public SwitchParameter AsYaml { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            _paths.AddRange(Path ?? Array.Empty<string>());
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            var request = ComposeFiles.Request(this, _paths.ToArray(), ProjectName, Profile, Service);
            var project = ComposeFiles.Load(this, request);
            if (project is null)
            {
                return;
            }

            var selected = Service is { Length: > 0 }
                ? project.Services.Where(s => Service.Contains(s.Name, StringComparer.Ordinal)).ToArray()
                : null;
            if (AsYaml)
            {
                WriteObject(ComposeYamlWriter.Write(project, selected));
                return;
            }

            if (selected is not null)
            {
                project.Services = selected;
            }

            WriteObject(project);
        }
    }
}
