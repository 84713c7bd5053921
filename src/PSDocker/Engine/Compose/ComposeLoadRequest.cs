using System;
using System.Collections.Generic;

namespace PSDocker.EngineAccess
{
    /// <summary>What the compose loader reads: which files, for which project, with which environment.</summary>
    internal sealed class ComposeLoadRequest
    {
        /// <summary>The compose files in merge order, relative to <see cref="WorkingDirectory"/>; empty = <c>COMPOSE_FILE</c> from <see cref="Environment"/>, else the file docker compose v2 finds: compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml (compose-go's order) in <see cref="WorkingDirectory"/> or the nearest parent holding one, plus its override file (compose.override.yml…).</summary>
        public IReadOnlyList<string> Paths { get; set; } = Array.Empty<string>();

        /// <summary>Where relative paths and the file search start (the cmdlet's current file-system location).</summary>
        public string WorkingDirectory { get; set; } = string.Empty;

        /// <summary>-ProjectName; null = COMPOSE_PROJECT_NAME, the top-level <c>name</c>, else the folder name (normalised).</summary>
        public string? ProjectName { get; set; }

        /// <summary>The process environment used for interpolation (the project's .env fills what it lacks).</summary>
        public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

        /// <summary>Active profiles (--profile, COMPOSE_PROFILES).</summary>
        public IReadOnlyList<string> Profiles { get; set; } = Array.Empty<string>();

        /// <summary>Services the user names (<c>docker compose up web</c>): enabled even when their profiles are not active, with their dependencies; a name that is no service is an error (ComposeServiceUnknown). Empty = all.</summary>
        public IReadOnlyList<string> Services { get; set; } = Array.Empty<string>();
    }
}
