using System;
using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// How docker compose creates a service's container: the engine's create parameters for container
    /// number N of a service (name, labels, networks with the service name as alias, mounts, ports,
    /// health check, restart policy…), and the further networks to connect before it starts (API 1.41
    /// takes one network at creation).
    /// </summary>
    internal sealed class ComposeContainerSpec
    {
        private ComposeContainerSpec(string name, CreateContainerParameters parameters, IList<(string Network, IList<string> Aliases)> moreNetworks)
        {
            Name = name;
            Parameters = parameters;
            MoreNetworks = moreNetworks;
        }

        /// <summary>The container name.</summary>
        public string Name { get; }

        /// <summary>The create parameters.</summary>
        public CreateContainerParameters Parameters { get; }

        /// <summary>The networks to connect after creation, with the aliases on each.</summary>
        public IList<(string Network, IList<string> Aliases)> MoreNetworks { get; }

        /// <summary>The name of container <paramref name="number"/> of a service: container_name, else <c>PROJECT-SERVICE-N</c> (compose v2).</summary>
        public static string ContainerName(ComposeProjectConfig project, ComposeServiceConfig service, int number) =>
            service.ContainerName ?? project.Name + "-" + service.Name + "-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The image a service runs: image, else compose's default name for a built one, <c>PROJECT-SERVICE</c>.</summary>
        public static string ImageOf(ComposeProjectConfig project, ComposeServiceConfig service) =>
            service.Image is { Length: > 0 } image ? image : project.Name + "-" + service.Name;

        /// <summary>The spec of container <paramref name="number"/> of <paramref name="service"/>.</summary>
        public static ComposeContainerSpec For(ComposeProjectConfig project, ComposeServiceConfig service, int number, string hash, string? imageId)
        {
            var name = ContainerName(project, service, number);
            var host = new HostConfig();
            var parameters = new CreateContainerParameters
            {
                Name = name,
                Image = ImageOf(project, service),
                Hostname = service.Hostname ?? string.Empty,
                WorkingDir = service.WorkingDir ?? string.Empty,
                User = service.User ?? string.Empty,
                AttachStdout = true,
                AttachStderr = true,
                Labels = ComposeLabels.ForContainer(project, service, number, hash, imageId),
                HostConfig = host,
            };
            if (service.StopGracePeriod is { } grace)
            {
                parameters.StopTimeout = grace;
            }

            if (service.StopSignal is { Length: > 0 } stopSignal)
            {
                parameters.StopSignal = stopSignal;
            }

            if (service.Command is { } command)
            {
                parameters.Cmd = command.ToList();
            }

            if (service.Entrypoint is { } entrypoint)
            {
                parameters.Entrypoint = entrypoint.ToList();
            }

            var environment = service.Environment.Where(e => e.Value is not null).Select(e => e.Key + "=" + e.Value).ToList();
            if (environment.Count > 0)
            {
                parameters.Env = environment;
            }

            AddPorts(service, parameters, host);
            AddMounts(project, service, host);
            if (service.Dns.Length > 0)
            {
                host.DNS = service.Dns.ToList();
            }

            if (service.ExtraHosts.Length > 0)
            {
                host.ExtraHosts = service.ExtraHosts.ToList();
            }

            if (service.Restart is { Length: > 0 } restart)
            {
                host.RestartPolicy = RestartPolicyParser.Parse(restart);
            }

            if (service.Healthcheck is { } health)
            {
                parameters.Healthcheck = new HealthcheckConfig
                {
                    Test = health.Disable ? new List<string> { "NONE" } : health.Test.ToList(),
                    Interval = health.Interval,
                    Timeout = health.Timeout,
                    StartPeriod = health.StartPeriod,
                    Retries = health.Retries,
                };
            }

            var more = new List<(string, IList<string>)>();
            var networks = service.Networks.Keys.ToList();
            for (var i = 0; i < networks.Count; i++)
            {
                var engineName = project.Networks.FirstOrDefault(n => n.Key == networks[i])?.Name ?? networks[i];
                var aliases = new[] { service.Name }.Concat(service.Networks[networks[i]].Aliases).Distinct(StringComparer.Ordinal).ToList();
                if (i == 0)
                {
                    host.NetworkMode = engineName;
                    parameters.NetworkingConfig = new NetworkingConfig
                    {
                        EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal) { [engineName] = new EndpointSettings { Aliases = aliases } },
                    };
                }
                else
                {
                    more.Add((engineName, aliases));
                }
            }

            return new ComposeContainerSpec(name, parameters, more);
        }

        private static void AddPorts(ComposeServiceConfig service, CreateContainerParameters parameters, HostConfig host)
        {
            if (service.Ports.Length == 0)
            {
                return;
            }

            var exposed = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal);
            var bindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
            foreach (var port in service.Ports)
            {
                var key = port.Target.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + (string.IsNullOrEmpty(port.Protocol) ? "tcp" : port.Protocol);
                exposed[key] = default;
                if (!port.Publish)
                {
                    continue;
                }

                if (!bindings.TryGetValue(key, out var list))
                {
                    bindings[key] = list = new List<PortBinding>();
                }

                list.Add(new PortBinding { HostIP = port.HostIp ?? string.Empty, HostPort = port.Published ?? string.Empty });
            }

            parameters.ExposedPorts = exposed;
            if (bindings.Count > 0)
            {
                host.PortBindings = bindings;
            }
        }

        private static void AddMounts(ComposeProjectConfig project, ComposeServiceConfig service, HostConfig host)
        {
            var mounts = new List<Mount>();
            foreach (var mount in service.Volumes)
            {
                var source = mount.Type == "volume" && mount.Source is { } key
                    ? project.Volumes.FirstOrDefault(v => v.Key == key)?.Name ?? key
                    : mount.Source;
                if (mount.Type == "bind" && mount.CreateHostPath && source is not null)
                {
                    // Short syntax: like docker run -v, the engine creates a missing host folder (a Mount would refuse it).
                    (host.Binds ??= new List<string>()).Add(source + ":" + mount.Target + (mount.ReadOnly ? ":ro" : string.Empty));
                    continue;
                }

                mounts.Add(new Mount { Type = mount.Type, Source = source ?? string.Empty, Target = mount.Target, ReadOnly = mount.ReadOnly });
            }

            foreach (var target in service.Tmpfs)
            {
                mounts.Add(new Mount { Type = "tmpfs", Target = target });
            }

            if (mounts.Count > 0)
            {
                host.Mounts = mounts;
            }
        }
    }
}
