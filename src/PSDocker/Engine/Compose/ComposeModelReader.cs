using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Turns the merged, interpolated tree of a compose project into the model: every key checked
    /// against the spec (<see cref="ComposeSpecKeys"/>), every value against its type, short syntaxes
    /// normalised to the long ones, relative paths made absolute, duplicates dropped as compose drops them.
    /// </summary>
    internal sealed class ComposeModelReader
    {
        private static readonly Regex ServiceName = new Regex("^[a-zA-Z0-9._-]+$", RegexOptions.CultureInvariant);
        private static readonly Regex RestartPolicy = new Regex("^(no|always|unless-stopped|on-failure(:[0-9]+)?)$", RegexOptions.CultureInvariant);

        private readonly string _projectName;
        private readonly string _workingDirectory;
        private readonly Func<string, string?> _lookup;
        private readonly string _home;

        public ComposeModelReader(string projectName, string workingDirectory, Func<string, string?> lookup, string home)
        {
            _projectName = projectName;
            _workingDirectory = workingDirectory;
            _lookup = lookup;
            _home = home;
        }

        /// <summary>Reads the whole project (services, networks, volumes); profiles and references are checked afterwards.</summary>
        public (List<ComposeServiceConfig> Services, List<ComposeNetworkConfig> Networks, List<ComposeVolumeConfig> Volumes) Read(ComposeMapping root)
        {
            ComposeSpecKeys.Check(root, "top", "(root)");
            var services = new List<ComposeServiceConfig>();
            if (root.Get("services") is { } servicesNode && Mapping(servicesNode, "services", allowNull: true) is { } servicesMapping)
            {
                foreach (var entry in servicesMapping.Entries)
                {
                    var name = entry.Key.Value!;
                    if (!ServiceName.IsMatch(name))
                    {
                        // The spec's pattern for service names; anything else is an additional property of services.
                        throw entry.Key.Error("ComposeKeyUnknown", $"services Additional property {name} is not allowed (a service name holds letters, digits, '.', '_' and '-')");
                    }

                    services.Add(ReadService(name, entry.Value));
                }
            }

            var networks = new List<ComposeNetworkConfig>();
            if (root.Get("networks") is { } networksNode && Mapping(networksNode, "networks", allowNull: true) is { } networksMapping)
            {
                foreach (var entry in networksMapping.Entries)
                {
                    networks.Add(ReadNetwork(entry.Key.Value!, entry.Value));
                }
            }

            var volumes = new List<ComposeVolumeConfig>();
            if (root.Get("volumes") is { } volumesNode && Mapping(volumesNode, "volumes", allowNull: true) is { } volumesMapping)
            {
                foreach (var entry in volumesMapping.Entries)
                {
                    volumes.Add(ReadVolume(entry.Key.Value!, entry.Value));
                }
            }

            return (services, networks, volumes);
        }

        private ComposeServiceConfig ReadService(string name, ComposeNode node)
        {
            var path = "services." + name;
            var service = new ComposeServiceConfig { Name = name };
            var mapping = Mapping(node, path, allowNull: true);
            if (mapping is null)
            {
                return service;
            }

            ComposeSpecKeys.Check(mapping, "service", path);
            var environmentFromFiles = new SortedDictionary<string, string?>(StringComparer.Ordinal);
            int? scale = null, replicas = null;
            ComposeNode? replicasNode = null;
            var ports = new List<(string Key, ComposePortConfig Port)>();
            foreach (var entry in mapping.Entries)
            {
                var key = entry.Key.Value!;
                var value = entry.Value;
                var at = path + "." + key;
                switch (key)
                {
                    case "image":
                        service.Image = String(value, at);
                        break;
                    case "build":
                        service.Build = ReadBuild(value, at);
                        break;
                    case "command":
                        service.Command = Command(value, at);
                        break;
                    case "entrypoint":
                        service.Entrypoint = Command(value, at);
                        break;
                    case "environment":
                        foreach (var pair in ListOrDict(value, at, fromEnvironment: true))
                        {
                            service.Environment[pair.Key] = pair.Value;
                        }

                        break;
                    case "env_file":
                        ReadEnvFiles(value, at, environmentFromFiles);
                        break;
                    case "ports":
                        foreach (var item in Sequence(value, at).Items)
                        {
                            ports.AddRange(ReadPort(item, at));
                        }

                        break;
                    case "expose":
                        foreach (var item in Sequence(value, at).Items)
                        {
                            ports.AddRange(ReadExpose(item, at));
                        }

                        break;
                    case "volumes":
                        service.Volumes = Unique(Sequence(value, at).Items.Select(i => ReadMount(i, at)), m => m.Target).ToArray();
                        break;
                    case "tmpfs":
                        service.Tmpfs = Unique(StringOrList(value, at), t => t).ToArray();
                        break;
                    case "networks":
                        service.Networks = ReadServiceNetworks(value, at);
                        break;
                    case "depends_on":
                        service.DependsOn = ReadDependsOn(value, at);
                        break;
                    case "restart":
                        service.Restart = String(value, at);
                        if (service.Restart is not null && !RestartPolicy.IsMatch(service.Restart))
                        {
                            throw value.Error("ComposeValueInvalid", $"{at}: invalid restart policy \"{service.Restart}\" (no, always, on-failure[:max-retries], unless-stopped)");
                        }

                        break;
                    case "healthcheck":
                        service.Healthcheck = ReadHealthcheck(value, at);
                        break;
                    case "labels":
                        foreach (var pair in ListOrDict(value, at, fromEnvironment: false))
                        {
                            service.Labels[pair.Key] = pair.Value ?? string.Empty;
                        }

                        break;
                    case "container_name":
                        service.ContainerName = String(value, at);
                        break;
                    case "hostname":
                        service.Hostname = String(value, at);
                        break;
                    case "working_dir":
                        service.WorkingDir = String(value, at);
                        break;
                    case "stop_grace_period":
                        service.StopGracePeriod = Duration(value, at);
                        break;
                    case "stop_signal":
                        service.StopSignal = String(value, at);
                        break;
                    case "user":
                        service.User = String(value, at);
                        break;
                    case "dns":
                        service.Dns = Unique(StringOrList(value, at), d => d).ToArray();
                        break;
                    case "extra_hosts":
                        service.ExtraHosts = ReadExtraHosts(value, at);
                        break;
                    case "deploy":
                        if (Mapping(value, at, allowNull: true) is { } deploy)
                        {
                            ComposeSpecKeys.Check(deploy, "deploy", at);
                            if (deploy.Get("replicas") is { } r)
                            {
                                replicas = Integer(r, at + ".replicas");
                                replicasNode = r;
                            }
                        }

                        break;
                    case "scale":
                        scale = Integer(value, at);
                        break;
                    case "profiles":
                        service.Profiles = Unique(Sequence(value, at).Items.Select(i => String(i, at) ?? string.Empty), p => p).ToArray();
                        break;
                }
            }

            if (scale is not null && replicas is not null && scale != replicas)
            {
                throw replicasNode!.Error("ComposeValueInvalid", $"services.{name}: can't set distinct values on 'scale' and 'deploy.replicas': {scale} != {replicas}");
            }

            service.Replicas = replicas ?? scale ?? 1;
            if (service.Replicas > 1 && service.ContainerName is not null)
            {
                throw mapping.KeyNode("container_name")!.Error(
                    "ComposeValueInvalid",
                    $"services.{(scale is null ? "deploy.replicas" : "scale")}: can't set container_name and {name} as container name must be unique: invalid compose project");
            }

            // compose-go's checkConsistency: one mount per target, tmpfs entries first, then volumes.
            var mounted = new Dictionary<string, string>(StringComparer.Ordinal);
            var places = service.Tmpfs.Select((t, i) => (Target: t.Split(':')[0], Place: $"services.{name}.tmpfs[{i}]"))
                .Concat(service.Volumes.Select((v, i) => (Target: v.Target, Place: $"services.{name}.volumes[{i}]")));
            foreach (var (target, place) in places)
            {
                if (mounted.TryGetValue(target, out var earlier))
                {
                    throw (mapping.KeyNode("volumes") ?? mapping.KeyNode("tmpfs") ?? (ComposeNode)mapping).Error("ComposeValueInvalid", $"{place}: target {target} already mounted as {earlier}");
                }

                mounted[target] = place;
            }
            foreach (var pair in service.Environment)
            {
                environmentFromFiles[pair.Key] = pair.Value;
            }

            service.Environment = environmentFromFiles;
            service.Ports = Unique(ports, p => p.Key).Select(p => p.Port).ToArray();
            if (service.Networks.Count == 0)
            {
                service.Networks["default"] = new ComposeServiceNetworkConfig();
            }

            return service;
        }

        private ComposeBuildConfig ReadBuild(ComposeNode node, string at)
        {
            if (node is ComposeScalar { Value: not null } scalar)
            {
                return new ComposeBuildConfig { Context = Context(scalar.Value!) };
            }

            var mapping = Mapping(node, at, allowNull: false)!;
            ComposeSpecKeys.Check(mapping, "build", at);
            var build = new ComposeBuildConfig { Context = Context(mapping.Get("context") is { } c ? String(c, at + ".context") ?? "." : ".") };
            if (mapping.Get("dockerfile") is { } dockerfile)
            {
                build.Dockerfile = String(dockerfile, at + ".dockerfile") ?? "Dockerfile";
            }

            if (mapping.Get("target") is { } target)
            {
                build.Target = String(target, at + ".target");
            }

            if (mapping.Get("args") is { } args)
            {
                foreach (var pair in ListOrDict(args, at + ".args", fromEnvironment: true))
                {
                    build.Args[pair.Key] = pair.Value;
                }
            }

            return build;
        }

        private string Context(string context) =>
            context.Contains("://") || context.StartsWith("git@", StringComparison.Ordinal) ? context : ResolvePath(context);

        private string ResolvePath(string path) => VolumeSpecParser.ResolveHostPath(path, _workingDirectory, _home);

        private string[]? Command(ComposeNode node, string at)
        {
            switch (node)
            {
                case ComposeScalar { Value: null }:
                    return null;
                case ComposeScalar scalar:
                    return ComposeShellWords.Split(scalar.Value!)
                        ?? throw node.Error("ComposeValueInvalid", $"{at}: invalid command line string \"{scalar.Value}\" (an unclosed quote?)");
                default:
                    return Sequence(node, at).Items.Select(i => String(i, at) ?? string.Empty).ToArray();
            }
        }

        private IEnumerable<KeyValuePair<string, string?>> ListOrDict(ComposeNode node, string at, bool fromEnvironment)
        {
            if (node is ComposeMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    var name = entry.Key.Value!;
                    if (entry.Value is not ComposeScalar scalar)
                    {
                        throw entry.Value.Error("ComposeValueInvalid", $"{at}.{name} must be a string, number, boolean or null");
                    }

                    yield return new KeyValuePair<string, string?>(name, scalar.Value ?? (fromEnvironment ? _lookup(name) : string.Empty));
                }

                yield break;
            }

            if (node is ComposeScalar { Value: null })
            {
                yield break;
            }

            foreach (var item in Sequence(node, at).Items)
            {
                var text = String(item, at) ?? string.Empty;
                var eq = text.IndexOf('=');
                if (eq < 0)
                {
                    yield return new KeyValuePair<string, string?>(text, fromEnvironment ? _lookup(text) : string.Empty);
                }
                else
                {
                    yield return new KeyValuePair<string, string?>(text.Substring(0, eq), text.Substring(eq + 1));
                }
            }
        }

        private void ReadEnvFiles(ComposeNode node, string at, SortedDictionary<string, string?> environment)
        {
            var items = node is ComposeSequence sequence ? sequence.Items : new List<ComposeNode> { node };
            foreach (var item in items)
            {
                string? path;
                var required = true;
                if (item is ComposeMapping mapping)
                {
                    ComposeSpecKeys.Check(mapping, "env_file", at, extensions: false);
                    path = mapping.Get("path") is { } p ? String(p, at + ".path") : null;
                    if (path is null)
                    {
                        throw item.Error("ComposeValueInvalid", $"{at}: an env_file entry needs a path");
                    }

                    if (mapping.Get("required") is { } r)
                    {
                        required = Boolean(r, at + ".required");
                    }
                }
                else
                {
                    path = String(item, at);
                }

                if (path is null)
                {
                    continue;
                }

                var full = ResolvePath(path);
                if (!System.IO.File.Exists(full))
                {
                    if (!required)
                    {
                        continue;
                    }

                    throw item.Error("ComposeEnvFileNotFound", $"env file {full} not found");
                }

                string text;
                try
                {
                    text = System.IO.File.ReadAllText(full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw item.Error("ComposeEnvFileNotFound", $"env file {full} cannot be read: {e.Message}");
                }

                foreach (var pair in ComposeDotEnv.Parse(text, full, _lookup))
                {
                    environment[pair.Key] = pair.Value;
                }
            }
        }

        private IEnumerable<(string Key, ComposePortConfig Port)> ReadPort(ComposeNode node, string at)
        {
            if (node is ComposeMapping mapping)
            {
                ComposeSpecKeys.Check(mapping, "port", at);
                var targetNode = mapping.Get("target") ?? throw node.Error("ComposeValueInvalid", $"{at}: a port needs a target");
                var port = new ComposePortConfig
                {
                    Target = PortNumber(targetNode, at + ".target"),
                    Published = mapping.Get("published") is { } published ? String(published, at + ".published") : null,
                    HostIp = mapping.Get("host_ip") is { } ip ? String(ip, at + ".host_ip") : null,
                    Protocol = (mapping.Get("protocol") is { } protocol ? String(protocol, at + ".protocol") : null) ?? "tcp",
                };
                if (mapping.Get("mode") is { } mode && String(mode, at + ".mode") is { } m && m != "host" && m != "ingress")
                {
                    throw mode.Error("ComposeValueInvalid", $"{at}.mode: \"{m}\" is not host or ingress");
                }

                if (port.Published is { Length: 0 })
                {
                    port.Published = null;
                }

                yield return ($"{port.HostIp ?? "0.0.0.0"}:{port.Published}:{port.Target}/{port.Protocol}", port);
                yield break;
            }

            var text = String(node, at) ?? throw node.Error("ComposeValueInvalid", $"{at}: a port cannot be null");
            IReadOnlyList<PortSpec> specs;
            try
            {
                specs = PortSpecParser.Parse(text);
            }
            catch (InvalidSpecException e)
            {
                throw node.Error("ComposeValueInvalid", $"{at}: {e.Message}");
            }

            foreach (var spec in specs)
            {
                var port = new ComposePortConfig
                {
                    Target = spec.ContainerPort,
                    Published = spec.HostPort.Length == 0 ? null : spec.HostPort,
                    HostIp = spec.HostIp.Length == 0 ? null : spec.HostIp,
                    Protocol = spec.Protocol,
                };
                yield return (specs.Count == 1 ? text : $"{port.HostIp ?? "0.0.0.0"}:{port.Published}:{port.Target}/{port.Protocol}", port);
            }
        }

        private IEnumerable<(string Key, ComposePortConfig Port)> ReadExpose(ComposeNode node, string at)
        {
            var text = String(node, at) ?? string.Empty;
            var protocol = "tcp";
            var slash = text.IndexOf('/');
            var ports = slash < 0 ? text : text.Substring(0, slash);
            if (slash >= 0)
            {
                protocol = text.Substring(slash + 1);
            }

            var dash = ports.IndexOf('-');
            if (!TryPort(dash < 0 ? ports : ports.Substring(0, dash), out var start) || !TryPort(dash < 0 ? ports : ports.Substring(dash + 1), out var end) || end < start
                || (protocol != "tcp" && protocol != "udp" && protocol != "sctp"))
            {
                throw node.Error("ComposeValueInvalid", $"{at}: \"{text}\" is not a port, a port range or port/protocol");
            }

            for (var p = start; p <= end; p++)
            {
                yield return ("expose:" + p.ToString(CultureInfo.InvariantCulture) + "/" + protocol, new ComposePortConfig { Target = p, Protocol = protocol, Publish = false });
            }
        }

        private ComposeMountConfig ReadMount(ComposeNode node, string at)
        {
            if (node is ComposeMapping mapping)
            {
                ComposeSpecKeys.Check(mapping, "mount", at);
                var typeNode = mapping.Get("type") ?? throw node.Error("ComposeValueInvalid", $"{at}: a mount needs a type (volume, bind or tmpfs)");
                var type = String(typeNode, at + ".type");
                if (type is "cluster" or "npipe" or "image")
                {
                    throw typeNode.Error("ComposeKeyUnsupported", $"{at}.type: mounts of type {type} are in the compose specification but PSDocker does not support them yet");
                }

                if (type is not ("volume" or "bind" or "tmpfs"))
                {
                    throw typeNode.Error("ComposeValueInvalid", $"{at}.type: \"{type}\" is not volume, bind or tmpfs");
                }

                var target = mapping.Get("target") is { } t ? String(t, at + ".target") : null;
                if (string.IsNullOrEmpty(target))
                {
                    throw node.Error("ComposeValueInvalid", $"{at}: a mount needs a target");
                }

                var source = mapping.Get("source") is { } s ? String(s, at + ".source") : null;
                if (type == "bind")
                {
                    if (string.IsNullOrEmpty(source))
                    {
                        throw node.Error("ComposeValueInvalid", "invalid mount config for type \"bind\": field Source must not be empty");
                    }

                    source = ResolvePath(source!);
                }
                else if (type == "tmpfs")
                {
                    source = null;
                }

                return new ComposeMountConfig
                {
                    Type = type!,
                    Source = string.IsNullOrEmpty(source) ? null : source,
                    Target = target!,
                    ReadOnly = mapping.Get("read_only") is { } ro && Boolean(ro, at + ".read_only"),
                };
            }

            var text = String(node, at) ?? throw node.Error("ComposeValueInvalid", $"{at}: a volume cannot be null");
            VolumeSpec spec;
            try
            {
                spec = VolumeSpecParser.Parse(text);
            }
            catch (InvalidSpecException e)
            {
                throw node.Error("ComposeValueInvalid", $"{at}: {e.Message}");
            }

            // compose's isFilePath: only a source starting with '.', '/', '~', '\\' or a drive is a host path;
            // 'data/sub' names a volume (which must then be declared), unlike docker run -v.
            var hostSource = spec.Source ?? string.Empty;
            var isPath = hostSource.Length > 0 && (hostSource[0] is '.' or '/' or '~' || hostSource.StartsWith("\\\\", StringComparison.Ordinal)
                || (hostSource.Length > 1 && char.IsLetter(hostSource[0]) && hostSource[1] == ':'));
            return spec.Kind switch
            {
                VolumeSpecKind.Anonymous => new ComposeMountConfig { Type = "volume", Target = spec.Destination },
                VolumeSpecKind.Bind when !isPath => new ComposeMountConfig { Type = "volume", Source = spec.Source, Target = spec.Destination, ReadOnly = spec.ReadOnly },
                VolumeSpecKind.Named => new ComposeMountConfig { Type = "volume", Source = spec.Source, Target = spec.Destination, ReadOnly = spec.ReadOnly },
                _ => new ComposeMountConfig { Type = "bind", Source = ResolvePath(spec.Source!), Target = spec.Destination, ReadOnly = spec.ReadOnly, CreateHostPath = true },
            };
        }

        private SortedDictionary<string, ComposeServiceNetworkConfig> ReadServiceNetworks(ComposeNode node, string at)
        {
            var result = new SortedDictionary<string, ComposeServiceNetworkConfig>(StringComparer.Ordinal);
            if (node is ComposeMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    var config = new ComposeServiceNetworkConfig();
                    if (Mapping(entry.Value, at + "." + entry.Key.Value, allowNull: true) is { } details)
                    {
                        ComposeSpecKeys.Check(details, "service_network", at + "." + entry.Key.Value);
                        if (details.Get("aliases") is { } aliases)
                        {
                            config.Aliases = Unique(Sequence(aliases, at + "." + entry.Key.Value + ".aliases").Items.Select(a => String(a, at) ?? string.Empty), a => a).ToArray();
                        }
                    }

                    result[entry.Key.Value!] = config;
                }

                return result;
            }

            foreach (var item in Sequence(node, at).Items)
            {
                result[String(item, at) ?? string.Empty] = new ComposeServiceNetworkConfig();
            }

            return result;
        }

        private SortedDictionary<string, ComposeDependencyConfig> ReadDependsOn(ComposeNode node, string at)
        {
            var result = new SortedDictionary<string, ComposeDependencyConfig>(StringComparer.Ordinal);
            if (node is ComposeMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    var where = at + "." + entry.Key.Value;
                    var details = Mapping(entry.Value, where, allowNull: false)!;
                    ComposeSpecKeys.Check(details, "dependency", where);
                    var dependency = new ComposeDependencyConfig();
                    var condition = details.Get("condition") ?? throw details.Error("ComposeValueInvalid", $"{where}: condition is required");
                    dependency.Condition = String(condition, where + ".condition") ?? string.Empty;
                    if (dependency.Condition is not ("service_started" or "service_healthy" or "service_completed_successfully"))
                    {
                        throw condition.Error("ComposeValueInvalid", $"{where}.condition must be one of the following: \"service_started\", \"service_healthy\", \"service_completed_successfully\"");
                    }

                    if (details.Get("required") is { } required)
                    {
                        dependency.Required = Boolean(required, where + ".required");
                    }

                    if (details.Get("restart") is { } restart)
                    {
                        dependency.Restart = Boolean(restart, where + ".restart");
                    }

                    result[entry.Key.Value!] = dependency;
                }

                return result;
            }

            foreach (var item in Sequence(node, at).Items)
            {
                result[String(item, at) ?? string.Empty] = new ComposeDependencyConfig();
            }

            return result;
        }

        private ComposeHealthcheckConfig? ReadHealthcheck(ComposeNode node, string at)
        {
            var mapping = Mapping(node, at, allowNull: true);
            if (mapping is null)
            {
                return null;
            }

            ComposeSpecKeys.Check(mapping, "healthcheck", at);
            var health = new ComposeHealthcheckConfig();
            if (mapping.Get("test") is { } test)
            {
                if (test is ComposeScalar { Value: not null } scalar)
                {
                    health.Test = new[] { "CMD-SHELL", scalar.Value! };
                }
                else if (test is not ComposeScalar)
                {
                    health.Test = Sequence(test, at + ".test").Items.Select(i => String(i, at + ".test") ?? string.Empty).ToArray();
                    if (health.Test.Length > 0 && health.Test[0] is not ("CMD" or "CMD-SHELL" or "NONE"))
                    {
                        throw test.Error("ComposeValueInvalid", "healthcheck.test must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\"");
                    }
                }
            }

            health.Interval = Duration(mapping.Get("interval"), at + ".interval");
            health.Timeout = Duration(mapping.Get("timeout"), at + ".timeout");
            health.StartPeriod = Duration(mapping.Get("start_period"), at + ".start_period");
            if (mapping.Get("retries") is { } retries)
            {
                health.Retries = Integer(retries, at + ".retries");
            }

            if (mapping.Get("disable") is { } disable && Boolean(disable, at + ".disable"))
            {
                health.Disable = true;
                health.Test = new[] { "NONE" };
            }
            else if (health.Test.Length == 1 && health.Test[0] == "NONE")
            {
                health.Disable = true;
            }

            return health;
        }

        private string[] ReadExtraHosts(ComposeNode node, string at)
        {
            var result = new List<string>();
            if (node is ComposeMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    var addresses = entry.Value is ComposeSequence s ? s.Items.Select(i => String(i, at) ?? string.Empty) : new[] { String(entry.Value, at) ?? string.Empty };
                    result.AddRange(addresses.Select(a => entry.Key.Value + ":" + a));
                }
            }
            else
            {
                foreach (var item in Sequence(node, at).Items)
                {
                    var text = String(item, at) ?? string.Empty;
                    var eq = text.IndexOf('=');
                    var colon = text.IndexOf(':');
                    var sep = eq >= 0 ? eq : colon;
                    if (sep <= 0)
                    {
                        throw item.Error("ComposeValueInvalid", $"{at}: \"{text}\" is not host:ip or host=ip");
                    }

                    result.Add(text.Substring(0, sep) + ":" + text.Substring(sep + 1));
                }
            }

            return Unique(result, h => h).ToArray();
        }

        private ComposeNetworkConfig ReadNetwork(string key, ComposeNode node)
        {
            var at = "networks." + key;
            var network = new ComposeNetworkConfig { Key = key };
            string? name = null;
            if (Mapping(node, at, allowNull: true) is { } mapping)
            {
                ComposeSpecKeys.Check(mapping, "network", at);
                name = mapping.Get("name") is { } n ? String(n, at + ".name") : null;
                network.Driver = mapping.Get("driver") is { } d ? String(d, at + ".driver") : null;
                network.Internal = mapping.Get("internal") is { } i && Boolean(i, at + ".internal");
                (network.External, name) = External(mapping, at, name);
                if (mapping.Get("labels") is { } labels)
                {
                    foreach (var pair in ListOrDict(labels, at + ".labels", fromEnvironment: false))
                    {
                        network.Labels[pair.Key] = pair.Value ?? string.Empty;
                    }
                }

                if (mapping.Get("ipam") is { } ipamNode && Mapping(ipamNode, at + ".ipam", allowNull: true) is { } ipam)
                {
                    ComposeSpecKeys.Check(ipam, "ipam", at + ".ipam");
                    if (ipam.Get("config") is { } config)
                    {
                        var subnets = new List<string>();
                        foreach (var item in Sequence(config, at + ".ipam.config").Items)
                        {
                            var entry = Mapping(item, at + ".ipam.config", allowNull: false)!;
                            ComposeSpecKeys.Check(entry, "ipam_config", at + ".ipam.config");
                            if (entry.Get("subnet") is { } subnet && String(subnet, at + ".ipam.config.subnet") is { } s)
                            {
                                subnets.Add(s);
                            }
                        }

                        network.Subnets = Unique(subnets, s => s).ToArray();
                    }
                }
            }

            network.Name = name ?? (network.External ? key : _projectName + "_" + key);
            return network;
        }

        private ComposeVolumeConfig ReadVolume(string key, ComposeNode node)
        {
            var at = "volumes." + key;
            var volume = new ComposeVolumeConfig { Key = key };
            string? name = null;
            if (Mapping(node, at, allowNull: true) is { } mapping)
            {
                ComposeSpecKeys.Check(mapping, "volume", at);
                name = mapping.Get("name") is { } n ? String(n, at + ".name") : null;
                volume.Driver = mapping.Get("driver") is { } d ? String(d, at + ".driver") : null;
                (volume.External, name) = External(mapping, at, name);
                if (mapping.Get("labels") is { } labels)
                {
                    foreach (var pair in ListOrDict(labels, at + ".labels", fromEnvironment: false))
                    {
                        volume.Labels[pair.Key] = pair.Value ?? string.Empty;
                    }
                }
            }

            volume.Name = name ?? (volume.External ? key : _projectName + "_" + key);
            return volume;
        }

        private (bool External, string? Name) External(ComposeMapping mapping, string at, string? name)
        {
            var node = mapping.Get("external");
            if (node is null)
            {
                return (false, name);
            }

            if (node is ComposeMapping external)
            {
                ComposeSpecKeys.Check(external, "external", at + ".external");
                var externalName = external.Get("name") is { } n ? String(n, at + ".external.name") : null;
                if (name is not null && externalName is not null && name != externalName)
                {
                    throw node.Error("ComposeValueInvalid", $"{at}: name and external.name conflict; only use name");
                }

                return (true, name ?? externalName);
            }

            return (Boolean(node, at + ".external"), name);
        }

        private static IEnumerable<T> Unique<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var result = new List<T>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                var k = key(item);
                if (index.TryGetValue(k, out var i))
                {
                    result[i] = item;
                }
                else
                {
                    index[k] = result.Count;
                    result.Add(item);
                }
            }

            return result;
        }

        private static ComposeMapping? Mapping(ComposeNode node, string at, bool allowNull)
        {
            if (node is ComposeMapping mapping)
            {
                return mapping;
            }

            if (allowNull && node is ComposeScalar { Value: null })
            {
                return null;
            }

            throw node.Error("ComposeValueInvalid", $"{at} must be a mapping, not {node.KindName}");
        }

        private static ComposeSequence Sequence(ComposeNode node, string at) => node as ComposeSequence
            ?? throw node.Error("ComposeValueInvalid", $"{at} must be a list, not {node.KindName}");

        private static IEnumerable<string> StringOrList(ComposeNode node, string at) => node switch
        {
            ComposeScalar { Value: null } => Array.Empty<string>(),
            ComposeScalar scalar => new[] { scalar.Value! },
            _ => Sequence(node, at).Items.Select(i => String(i, at) ?? string.Empty),
        };

        private static string? String(ComposeNode node, string at) => node is ComposeScalar scalar
            ? scalar.Value
            : throw node.Error("ComposeValueInvalid", $"{at} must be a string, not {node.KindName}");

        private static int Integer(ComposeNode node, string at)
        {
            var text = String(node, at);
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw node.Error("ComposeValueInvalid", $"{at} must be a non-negative integer, not \"{text}\"");
            }

            return value;
        }

        private static int PortNumber(ComposeNode node, string at)
        {
            var text = String(node, at);
            if (!TryPort(text, out var port))
            {
                throw node.Error("ComposeValueInvalid", $"{at}: \"{text}\" is not a port (1-65535)");
            }

            return port;
        }

        private static bool TryPort(string? text, out int port) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port > 0 && port <= 65535;

        private static bool Boolean(ComposeNode node, string at)
        {
            var text = String(node, at);
            switch (text?.ToLowerInvariant())
            {
                case "true" or "yes" or "on" or "y":
                    return true;
                case "false" or "no" or "off" or "n":
                    return false;
                default:
                    throw node.Error("ComposeValueInvalid", $"{at} must be a boolean (true or false), not \"{text}\"");
            }
        }

        private static TimeSpan? Duration(ComposeNode? node, string at)
        {
            if (node is null || String(node, at) is not { } text)
            {
                return null;
            }

            if (!DurationParser.TryParse(text, daysAndWeeks: true, out var duration))
            {
                throw node.Error("ComposeValueInvalid", $"{at}: \"{text}\" is not a duration (e.g. 10s, 1m30s, 500ms)");
            }

            return duration;
        }
    }
}
