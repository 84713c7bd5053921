using System;

namespace PSDocker
{
    /// <summary>A compose project on an engine, as <c>docker compose ls</c> lists it: found by its containers' labels.</summary>
    public sealed class ComposeProject : EngineObject
    {
        /// <summary>The project name (the <c>com.docker.compose.project</c> label).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>The states of its containers with their counts, as compose shows them: <c>running(2)</c>, <c>exited(1), running(1)</c>.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>The compose files the project was started from (the <c>com.docker.compose.project.config_files</c> labels).</summary>
        public string[] ConfigFiles { get; set; } = Array.Empty<string>();

        /// <summary>The project's working directory (the <c>com.docker.compose.project.working_dir</c> label).</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>The project's containers.</summary>
        public Container[] Containers { get; set; } = Array.Empty<Container>();

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
