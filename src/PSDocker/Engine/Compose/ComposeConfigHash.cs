using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The config hash of a service (the <c>com.docker.compose.config-hash</c> label): SHA-256 (hex) of the
    /// resolved service serialised canonically — JSON with every object's keys sorted — leaving out what
    /// does not change a container, as docker compose does (build, replicas, depends_on, profiles). Up
    /// recreates a container exactly when its hash differs from the service's.
    /// </summary>
    internal static class ComposeConfigHash
    {
        /// <summary>The hash of a service as it would be created in <paramref name="project"/> (the engine names of its networks and volumes count).</summary>
        public static string Of(ComposeServiceConfig service, ComposeProjectConfig project)
        {
            var hashed = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = service.Name,
                ["image"] = service.Image,
                ["command"] = service.Command,
                ["entrypoint"] = service.Entrypoint,
                ["environment"] = service.Environment,
                ["ports"] = service.Ports.Select(p => new object?[] { p.Target, p.Published, p.HostIp, p.Protocol, p.Publish }).ToArray(),
                ["volumes"] = service.Volumes.Select(v => new object?[] { v.Type, v.Source, MountSourceName(v, project), v.Target, v.ReadOnly }).ToArray(),
                ["tmpfs"] = service.Tmpfs,
                ["networks"] = service.Networks.ToDictionary(n => NetworkName(n.Key, project), n => (object)n.Value.Aliases, StringComparer.Ordinal),
                ["restart"] = service.Restart,
                ["healthcheck"] = service.Healthcheck is { } h
                    ? new object?[] { h.Test, h.Interval?.Ticks, h.Timeout?.Ticks, h.StartPeriod?.Ticks, h.Retries, h.Disable }
                    : null,
                ["labels"] = service.Labels,
                ["container_name"] = service.ContainerName,
                ["hostname"] = service.Hostname,
                ["working_dir"] = service.WorkingDir,
                ["user"] = service.User,
                ["dns"] = service.Dns,
                ["extra_hosts"] = service.ExtraHosts,
            };
            // Keys added after projects were first started count only when set, so their hashes stay.
            if (service.StopGracePeriod is { } grace)
            {
                hashed["stop_grace_period"] = grace.Ticks;
            }

            if (service.StopSignal is { } signal)
            {
                hashed["stop_signal"] = signal;
            }

            var json = JsonSerializer.Serialize(hashed);
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WriteCanonical(document.RootElement, writer);
            }

            using var sha = SHA256.Create();
            return string.Concat(sha.ComputeHash(buffer.ToArray()).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>The canonical text the hash is taken of (for tests and diagnosis).</summary>
        internal static void WriteCanonical(JsonElement element, Utf8JsonWriter writer)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    writer.WriteStartObject();
                    foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        writer.WritePropertyName(property.Name);
                        WriteCanonical(property.Value, writer);
                    }

                    writer.WriteEndObject();
                    break;
                case JsonValueKind.Array:
                    writer.WriteStartArray();
                    foreach (var item in element.EnumerateArray())
                    {
                        WriteCanonical(item, writer);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    element.WriteTo(writer);
                    break;
            }
        }

        private static string NetworkName(string key, ComposeProjectConfig project) =>
            project.Networks.FirstOrDefault(n => n.Key == key)?.Name ?? key;

        private static string? MountSourceName(ComposeMountConfig mount, ComposeProjectConfig project) =>
            mount.Type == "volume" && mount.Source is { } key ? project.Volumes.FirstOrDefault(v => v.Key == key)?.Name ?? key : mount.Source;
    }
}
