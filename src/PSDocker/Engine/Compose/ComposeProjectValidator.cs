using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// What compose checks once the files are read (compose-go <c>loader/validate.go</c>, <c>graph</c>,
    /// profiles): which services the active profiles enable, that each has an image or a build, that its
    /// dependencies exist and are enabled, that there is no dependency cycle, and that the networks and
    /// named volumes it uses are declared. Networks and volumes no enabled service uses are dropped, as
    /// docker compose drops them before config and up.
    /// </summary>
    internal static class ComposeProjectValidator
    {
        /// <summary>Fills the project's services, networks and volumes, or throws the first error compose would give.</summary>
        public static void Apply(
            ComposeProjectConfig project,
            ComposeMapping root,
            List<ComposeServiceConfig> services,
            List<ComposeNetworkConfig> networks,
            List<ComposeVolumeConfig> volumes,
            IReadOnlyList<string> profiles,
            IReadOnlyList<string> selected,
            List<string> warnings)
        {
            var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (var name in selected)
            {
                if (!byName.ContainsKey(name))
                {
                    throw new ComposeFileException("ComposeServiceUnknown", $"no such service: {name}", category: System.Management.Automation.ErrorCategory.ObjectNotFound);
                }
            }

            var all = profiles.Contains("*");
            var enabled = new HashSet<string>(
                services.Where(s => s.Profiles.Length == 0 || all || s.Profiles.Any(profiles.Contains)).Select(s => s.Name),
                StringComparer.Ordinal);

            // Services named by the user are enabled with what they depend on (compose's WithServicesEnabled).
            var pending = new Stack<string>(selected);
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (byName.TryGetValue(name, out var service) && enabled.Add(name) | selected.Contains(name))
                {
                    foreach (var dependency in service.DependsOn.Keys.Where(d => !enabled.Contains(d)))
                    {
                        pending.Push(dependency);
                    }
                }
            }

            foreach (var service in services.Where(s => enabled.Contains(s.Name)))
            {
                if (service.Build is null && string.IsNullOrEmpty(service.Image))
                {
                    throw At(root, "ComposeServiceInvalid", $"service \"{service.Name}\" has neither an image nor a build context specified: invalid compose project", service.Name);
                }

                foreach (var network in service.Networks.Keys)
                {
                    if (network != "default" && networks.All(n => n.Key != network))
                    {
                        throw At(root, "ComposeNetworkUndefined", $"service \"{service.Name}\" refers to undefined network {network}: invalid compose project", service.Name, "networks", network);
                    }
                }

                foreach (var mount in service.Volumes.Where(m => m.Type == "volume" && m.Source is not null))
                {
                    if (volumes.All(v => v.Key != mount.Source))
                    {
                        throw At(root, "ComposeVolumeUndefined", $"service \"{service.Name}\" refers to undefined volume {mount.Source}: invalid compose project", service.Name, "volumes");
                    }
                }

                foreach (var pair in service.DependsOn.ToList())
                {
                    if (enabled.Contains(pair.Key))
                    {
                        continue;
                    }

                    if (!pair.Value.Required)
                    {
                        warnings.Add($"service \"{service.Name}\": the dependency \"{pair.Key}\" is not required and {(byName.ContainsKey(pair.Key) ? "disabled" : "undefined")}: ignored");
                        service.DependsOn.Remove(pair.Key);
                        continue;
                    }

                    if (byName.TryGetValue(pair.Key, out var disabled))
                    {
                        throw At(root, "ComposeServiceDisabled", $"service \"{pair.Key}\" is required by \"{service.Name}\" but is disabled. Can be enabled by profiles [{string.Join(" ", disabled.Profiles)}]", service.Name, "depends_on", pair.Key);
                    }

                    throw At(root, "ComposeServiceUnknown", $"service \"{service.Name}\" depends on undefined service \"{pair.Key}\": invalid compose project", service.Name, "depends_on", pair.Key);
                }
            }

            CheckCycles(root, services.Where(s => enabled.Contains(s.Name)).ToList());

            project.Services = services.Where(s => enabled.Contains(s.Name)).ToArray();
            project.DisabledServices = services.Where(s => !enabled.Contains(s.Name)).ToArray();
            if (project.Services.Any(s => s.Networks.ContainsKey("default")) && networks.All(n => n.Key != "default"))
            {
                networks.Add(new ComposeNetworkConfig { Key = "default", Name = project.Name + "_default" });
            }

            // docker compose drops what no enabled service uses (WithoutUnnecessaryResources): neither config
            // shows it nor up creates it.
            var usedNetworks = ComposeUsage.Networks(project.Services);
            var usedVolumes = ComposeUsage.Volumes(project.Services);
            project.Networks = networks.Where(n => usedNetworks.Contains(n.Key)).ToArray();
            project.Volumes = volumes.Where(v => usedVolumes.Contains(v.Key)).ToArray();
        }

        // compose-go's checkCycle: services in name order, each one's dependencies in name order, depth first.
        private static void CheckCycles(ComposeMapping root, List<ComposeServiceConfig> services)
        {
            var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
            foreach (var service in services.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                Search(new List<string> { service.Name }, service);
            }

            void Search(List<string> path, ComposeServiceConfig service)
            {
                foreach (var dependency in service.DependsOn.Keys.Where(byName.ContainsKey))
                {
                    var i = path.IndexOf(dependency);
                    if (i >= 0)
                    {
                        throw At(root, "ComposeDependencyCycle", $"dependency cycle detected: {string.Join(" -> ", path.Skip(i))} -> {dependency}", path[path.Count - 1], "depends_on", dependency);
                    }

                    path.Add(dependency);
                    Search(path, byName[dependency]);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        /// <summary>An error placed at the deepest node found along services.SERVICE.KEY.ITEM.</summary>
        private static ComposeFileException At(ComposeMapping root, string errorId, string message, string service, string? key = null, string? item = null)
        {
            ComposeNode node = root;
            if (root.Get("services") is ComposeMapping services && services.KeyNode(service) is { } serviceKey)
            {
                node = serviceKey;
                if (key is not null && services.Get(service) is ComposeMapping serviceMapping && serviceMapping.KeyNode(key) is { } keyNode)
                {
                    node = keyNode;
                    var value = serviceMapping.Get(key);
                    if (item is not null && value is ComposeMapping itemMapping && itemMapping.KeyNode(item) is { } itemKey)
                    {
                        node = itemKey;
                    }
                    else if (item is not null && value is ComposeSequence sequence && sequence.Items.OfType<ComposeScalar>().FirstOrDefault(s => s.Value == item) is { } itemNode)
                    {
                        node = itemNode;
                    }
                }
            }

            return node.Error(errorId, message);
        }
    }
}
