using System;
using System.Linq;

namespace PSDocker
{
    /// <summary>
    /// One service of a compose project on an engine, with its containers (<c>docker compose ps</c>). It
    /// pipes into every container cmdlet: its <see cref="Id"/> (the containers' ids, remembering their
    /// engine) binds to their <c>-Id</c> by property name, so <c>Get-ComposeService web | Get-ContainerLog</c>
    /// reads the logs of web's containers; <see cref="Containers"/> are PSDocker containers.
    /// </summary>
    public sealed class ComposeService : EngineObject
    {
        /// <summary>The project name.</summary>
        public string Project { get; set; } = string.Empty;

        /// <summary>The service name (the <c>com.docker.compose.service</c> label).</summary>
        public string Service { get; set; } = string.Empty;

        /// <summary>The image its containers run.</summary>
        public string Image { get; set; } = string.Empty;

        /// <summary>The service's containers, by container number.</summary>
        public Container[] Containers { get; set; } = Array.Empty<Container>();

        /// <summary>The containers' ids (they bind to the container cmdlets' -Id, on this object's engine).</summary>
        public NameOrId[] Id { get; set; } = Array.Empty<NameOrId>();

        /// <summary>The containers' names.</summary>
        public string[] ContainerName => Containers.Select(c => c.Name).ToArray();

        /// <summary>The states of its containers with their counts, as compose shows a project's: <c>running(2)</c>.</summary>
        public string State { get; set; } = string.Empty;

        /// <summary>The containers' status texts ("Up 3 minutes (healthy)").</summary>
        public string[] Status => Containers.Select(c => c.Status).ToArray();

        /// <summary>The containers' published and exposed ports.</summary>
        public PortMapping[] Ports => Containers.SelectMany(c => c.Ports).ToArray();

        /// <inheritdoc />
        public override string ToString() => Service;
    }
}
