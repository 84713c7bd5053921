using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Everything <c>docker create</c>/<c>docker run</c> takes, in PowerShell shapes, and the one pure
    /// conversion to the engine's <see cref="CreateContainerParameters"/> (validating the docker-style
    /// strings on the way). New-Container and Invoke-Container fill it from their shared parameters.
    /// </summary>
    public sealed class ContainerCreateOptions
    {
        /// <summary>The image to create the container from.</summary>
        public string Image { get; set; } = string.Empty;

        /// <summary>The container name (null: the engine picks one).</summary>
        public string? Name { get; set; }

        /// <summary>The command (replaces the image's CMD).</summary>
        public IList<string>? Command { get; set; }

        /// <summary>The entrypoint (replaces the image's ENTRYPOINT; one empty string clears it).</summary>
        public IList<string>? Entrypoint { get; set; }

        /// <summary>Environment variables; a null value sets the variable to "".</summary>
        public IDictionary? Environment { get; set; }

        /// <summary><c>-p</c> values.</summary>
        public IList<string>? Port { get; set; }

        /// <summary>Publish every exposed port on a random host port (<c>-P</c>).</summary>
        public bool PublishAll { get; set; }

        /// <summary><c>-v</c> values.</summary>
        public IList<string>? Volume { get; set; }

        /// <summary>The network to connect to (<c>--network</c>).</summary>
        public string? Network { get; set; }

        /// <summary>Aliases the container answers to on <see cref="Network"/>, besides its name (<c>--network-alias</c>).</summary>
        public IList<string>? NetworkAlias { get; set; }

        /// <summary>DNS servers (<c>--dns</c>).</summary>
        public IList<string>? Dns { get; set; }

        /// <summary>The container's hostname.</summary>
        public string? Hostname { get; set; }

        /// <summary>The working directory inside the container.</summary>
        public string? WorkingDirectory { get; set; }

        /// <summary>The user (<c>name</c>, <c>uid</c>, <c>uid:gid</c>).</summary>
        public string? User { get; set; }

        /// <summary>Labels to set.</summary>
        public IDictionary? Label { get; set; }

        /// <summary>The restart policy (<c>--restart</c>).</summary>
        public string? RestartPolicy { get; set; }

        /// <summary>Memory limit in bytes (0: none).</summary>
        public long? Memory { get; set; }

        /// <summary>CPUs (<c>--cpus</c>, 1.5 = one and a half CPUs).</summary>
        public double? Cpus { get; set; }

        /// <summary>The engine removes the container when it exits (<c>--rm</c>).</summary>
        public bool AutoRemove { get; set; }

        /// <summary>Keep stdin open (<c>-i</c>).</summary>
        public bool Interactive { get; set; }

        /// <summary>Allocate a pseudo-TTY (<c>-t</c>).</summary>
        public bool Tty { get; set; }

        /// <summary>
        /// Validates every docker-style value (ports, volumes, DNS servers, environment, labels, restart
        /// policy) without building; call it before doing anything else so a bad value fails before an
        /// image is pulled or a container created.
        /// </summary>
        /// <exception cref="InvalidSpecException">A value cannot be parsed.</exception>
        public void Validate() => ToParameters(path => "/" + path);

        /// <summary>
        /// Builds the engine's create parameters with relative bind sources resolved against the session's
        /// current FileSystem location (see <see cref="VolumeSpecParser.ResolveHostPath"/>).
        /// </summary>
        /// <param name="fileSystemLocation">
        /// The current FileSystem location (<c>SessionState.Path.CurrentFileSystemLocation.ProviderPath</c>),
        /// not the current location, which may be <c>Env:</c> or a registry drive.
        /// </param>
        /// <param name="homeDirectory">The folder <c>~</c> stands for.</param>
        /// <exception cref="InvalidSpecException">A value cannot be parsed.</exception>
        public CreateContainerParameters ToParameters(string fileSystemLocation, string homeDirectory) =>
            ToParameters(path => VolumeSpecParser.ResolveHostPath(path, fileSystemLocation, homeDirectory));

        /// <summary>
        /// Builds the engine's create parameters. <paramref name="resolveHostPath"/> turns a relative bind
        /// source (<c>./data</c>, <c>../data</c>, <c>~/data</c>, <c>data/sub</c>) into an absolute host path.
        /// Contract: it resolves against the session's current <em>FileSystem</em> location
        /// (<c>SessionState.Path.CurrentFileSystemLocation</c>), never the current location of another
        /// provider (<c>Env:</c>, <c>HKLM:</c>), and <c>~</c> against the home folder. A result that is not an
        /// absolute path is refused (InvalidVolume): sent as is, the engine would read it as a volume name.
        /// </summary>
        /// <exception cref="InvalidSpecException">A value cannot be parsed.</exception>
        public CreateContainerParameters ToParameters(Func<string, string> resolveHostPath)
        {
            var host = new HostConfig
            {
                PublishAllPorts = PublishAll,
                AutoRemove = AutoRemove,
                Memory = Memory ?? 0,
                NanoCPUs = Cpus.HasValue ? (long)Math.Round(Cpus.Value * 1e9) : 0,
            };
            var parameters = new CreateContainerParameters
            {
                Image = Image,
                Name = string.IsNullOrEmpty(Name) ? null : Name,
                Hostname = Hostname ?? string.Empty,
                WorkingDir = WorkingDirectory ?? string.Empty,
                User = User ?? string.Empty,
                Tty = Tty,
                OpenStdin = Interactive,
                StdinOnce = Interactive,
                AttachStdin = Interactive,
                AttachStdout = true,
                AttachStderr = true,
                HostConfig = host,
            };

            if (Command is { Count: > 0 })
            {
                parameters.Cmd = Command.ToList();
            }

            if (Entrypoint is { Count: > 0 })
            {
                parameters.Entrypoint = Entrypoint.ToList();
            }

            if (EnvironmentVariables.ToList(Environment) is { } env)
            {
                parameters.Env = env;
            }

            if (Label is { Count: > 0 })
            {
                parameters.Labels = EnvironmentVariables.ToLabels(Label);
            }

            AddPorts(parameters, host);
            AddVolumes(parameters, host, resolveHostPath);

            if (!string.IsNullOrEmpty(Network))
            {
                host.NetworkMode = Network!;
            }

            AddNetworkAliases(parameters);

            if (Dns is { Count: > 0 })
            {
                host.DNS = Dns.Select(ValidateDns).ToList();
            }

            if (!string.IsNullOrEmpty(RestartPolicy))
            {
                host.RestartPolicy = RestartPolicyParser.Parse(RestartPolicy!);
            }

            return parameters;
        }

        private void AddNetworkAliases(CreateContainerParameters parameters)
        {
            if (NetworkAlias is not { Count: > 0 })
            {
                return;
            }

            // As the docker CLI: aliases resolve only on user-defined networks, never on the default ones.
            if (string.IsNullOrEmpty(Network) || Network is "bridge" or "default" or "host" or "none" || Network!.StartsWith("container:", StringComparison.Ordinal))
            {
                throw new InvalidSpecException(
                    "NetworkAlias",
                    string.Join(",", NetworkAlias),
                    "-NetworkAlias needs -Network with a user-defined network (New-ContainerNetwork makes one): the default bridge, host and none networks have no aliases.");
            }

            parameters.NetworkingConfig = new NetworkingConfig
            {
                EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal)
                {
                    [Network!] = new EndpointSettings { Aliases = NetworkAlias.ToList() },
                },
            };
        }

        private void AddPorts(CreateContainerParameters parameters, HostConfig host)
        {
            if (Port is not { Count: > 0 })
            {
                return;
            }

            var exposed = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal);
            var bindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
            foreach (var spec in Port.SelectMany(PortSpecParser.Parse))
            {
                exposed[spec.Key] = default;
                if (!bindings.TryGetValue(spec.Key, out var list))
                {
                    bindings[spec.Key] = list = new List<PortBinding>();
                }

                list.Add(new PortBinding { HostIP = spec.HostIp, HostPort = spec.HostPort });
            }

            parameters.ExposedPorts = exposed;
            host.PortBindings = bindings;
        }

        private void AddVolumes(CreateContainerParameters parameters, HostConfig host, Func<string, string> resolveHostPath)
        {
            if (Volume is not { Count: > 0 })
            {
                return;
            }

            foreach (var text in Volume)
            {
                var spec = VolumeSpecParser.Parse(text);
                if (spec.Kind == VolumeSpecKind.Anonymous)
                {
                    (parameters.Volumes ??= new Dictionary<string, EmptyStruct>(StringComparer.Ordinal))[spec.Destination] = default;
                    continue;
                }

                var source = spec.IsRelativeBind ? resolveHostPath(spec.Source!) : spec.Source!;
                if (spec.Kind == VolumeSpecKind.Bind && (string.IsNullOrEmpty(source) || !VolumeSpecParser.IsAbsoluteHostPath(source)))
                {
                    throw new InvalidSpecException(
                        "Volume",
                        text,
                        $"'{text}' is not a valid volume: the host path '{spec.Source}' did not resolve to an absolute folder ('{source}'). Give an absolute path, or run from a FileSystem location (Set-Location to a folder).");
                }

                (host.Binds ??= new List<string>()).Add(spec.ToBind(source));
            }
        }

        private static string ValidateDns(string server)
        {
            var text = (server ?? string.Empty).Trim();
            if (!IpAddressSyntax.IsAddress(text))
            {
                throw new InvalidSpecException(
                    "Dns",
                    server ?? string.Empty,
                    $"'{server}' is not a valid DNS server: give an IP address, IPv4 as four numbers 0-255 ('8.8.8.8') or IPv6 ('2001:4860:4860::8888'), without a port.");
            }

            return text;
        }
    }
}
