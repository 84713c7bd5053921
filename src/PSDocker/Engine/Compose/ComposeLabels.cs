using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The labels docker compose writes on what it creates (docker/compose pkg/api/labels.go), so that
    /// <c>docker compose ps</c>/<c>ls</c>/<c>down</c> and <c>docker-compose</c> 1.29 see a project started here,
    /// and the compose cmdlets see one they started. Containers, networks and volumes of a project are
    /// found by these labels, never by their names.
    /// </summary>
    internal static class ComposeLabels
    {
        public const string Project = "com.docker.compose.project";
        public const string Service = "com.docker.compose.service";
        public const string ContainerNumber = "com.docker.compose.container-number";
        public const string Oneoff = "com.docker.compose.oneoff";
        public const string ConfigHash = "com.docker.compose.config-hash";
        public const string WorkingDir = "com.docker.compose.project.working_dir";
        public const string ConfigFiles = "com.docker.compose.project.config_files";
        public const string Version = "com.docker.compose.version";
        public const string DependsOn = "com.docker.compose.depends_on";
        public const string Image = "com.docker.compose.image";
        public const string Network = "com.docker.compose.network";
        public const string Volume = "com.docker.compose.volume";

        /// <summary>The compose version written in <see cref="Version"/>: the compose v2 line whose labels and names these are.</summary>
        public const string ComposeVersion = "2.29.0";

        /// <summary>The labels of one service container: the user's, then compose's own (compose's win, as in docker compose).</summary>
        public static Dictionary<string, string> ForContainer(ComposeProjectConfig project, ComposeServiceConfig service, int number, string hash, string? imageId)
        {
            var labels = new Dictionary<string, string>(service.Labels, StringComparer.Ordinal)
            {
                [Project] = project.Name,
                [Service] = service.Name,
                [ContainerNumber] = number.ToString(CultureInfo.InvariantCulture),
                [Oneoff] = "False",
                [ConfigHash] = hash,
                [WorkingDir] = project.WorkingDirectory,
                [ConfigFiles] = string.Join(",", project.ConfigFiles),
                [Version] = ComposeVersion,
                [DependsOn] = DependsOnText(service),
            };
            if (!string.IsNullOrEmpty(imageId))
            {
                labels[Image] = imageId!;
            }

            return labels;
        }

        /// <summary>The labels of a project network (the user's, then compose's).</summary>
        public static Dictionary<string, string> ForNetwork(string project, ComposeNetworkConfig network) =>
            new Dictionary<string, string>(network.Labels, StringComparer.Ordinal)
            {
                [Network] = network.Key,
                [Project] = project,
                [Version] = ComposeVersion,
            };

        /// <summary>The labels of a project volume (the user's, then compose's).</summary>
        public static Dictionary<string, string> ForVolume(string project, ComposeVolumeConfig volume) =>
            new Dictionary<string, string>(volume.Labels, StringComparer.Ordinal)
            {
                [Volume] = volume.Key,
                [Project] = project,
                [Version] = ComposeVersion,
            };

        /// <summary>compose's depends_on label: <c>SERVICE:CONDITION:RESTART</c> entries joined by commas.</summary>
        public static string DependsOnText(ComposeServiceConfig service) =>
            string.Join(",", service.DependsOn.Select(d => d.Key + ":" + d.Value.Condition + ":" + (d.Value.Restart ? "true" : "false")));

        /// <summary>The services a container's depends_on label names.</summary>
        public static IEnumerable<string> DependenciesOf(IReadOnlyDictionary<string, string> labels) =>
            labels.TryGetValue(DependsOn, out var text) && text.Length > 0
                ? text.Split(',').Select(e => e.Split(':')[0]).Where(s => s.Length > 0)
                : Enumerable.Empty<string>();

        /// <summary>The container number label as a number (0 when absent or not a number).</summary>
        public static int NumberOf(IReadOnlyDictionary<string, string> labels) =>
            labels.TryGetValue(ContainerNumber, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

        /// <summary>The label filter that selects a project's resources.</summary>
        public static string ProjectFilter(string project) => Project + "=" + project;
    }
}
