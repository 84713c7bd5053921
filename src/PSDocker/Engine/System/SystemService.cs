using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The engine-wide calls: <c>docker info</c> and <c>docker version</c>, <c>docker system df</c>,
    /// <c>docker events</c> and the parts of <c>docker system prune</c>. Failures leave as
    /// <see cref="EngineException"/>s classified by <see cref="Refusals"/>.
    /// </summary>
    public sealed class SystemService : EngineService
    {
        /// <summary>The engine's refusals of engine-wide calls.</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Engine",
            new Refusal("a prune operation is already running", false, "PruneInProgress", ErrorCategory.ResourceBusy),
            new Refusal("invalid filter", false, "InvalidFilter", ErrorCategory.InvalidArgument));

        internal SystemService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>
        /// <c>docker info</c> and <c>docker version</c> in one object. Both are asked at once: engine 20.10
        /// answers /version in about 10 ms (it asks its components) and /info slower still.
        /// </summary>
        public async Task<EngineInfo> GetInfoAsync(CancellationToken cancellation)
        {
            var infoTask = Call(c => c.System.GetSystemInfoAsync(cancellation), cancellation);
            var versionTask = Call(c => c.System.GetVersionAsync(cancellation), cancellation);
            await Task.WhenAll(infoTask, versionTask).ConfigureAwait(false);
            var info = infoTask.Result;
            var version = versionTask.Result;
            return new EngineInfo
            {
                Engine = Engine.Engine,
                Name = info.Name ?? string.Empty,
                Id = info.ID ?? string.Empty,
                ServerVersion = version.Version ?? info.ServerVersion ?? string.Empty,
                ApiVersion = ParseVersion(version.APIVersion),
                MinimumApiVersion = ParseVersion(version.MinAPIVersion),
                NegotiatedApiVersion = Engine.ApiVersion,
                GitCommit = version.GitCommit ?? string.Empty,
                GoVersion = version.GoVersion ?? string.Empty,
                OSType = info.OSType ?? version.Os ?? string.Empty,
                OperatingSystem = info.OperatingSystem ?? string.Empty,
                Architecture = info.Architecture ?? version.Arch ?? string.Empty,
                KernelVersion = info.KernelVersion ?? version.KernelVersion ?? string.Empty,
                StorageDriver = info.Driver ?? string.Empty,
                LoggingDriver = info.LoggingDriver ?? string.Empty,
                CgroupDriver = info.CgroupDriver ?? string.Empty,
                CgroupVersion = info.CgroupVersion ?? string.Empty,
                DockerRootDir = info.DockerRootDir ?? string.Empty,
                Cpus = info.NCPU,
                Memory = info.MemTotal,
                Containers = info.Containers,
                ContainersRunning = info.ContainersRunning,
                ContainersPaused = info.ContainersPaused,
                ContainersStopped = info.ContainersStopped,
                Images = info.Images,
                RegistryMirrors = info.RegistryConfig?.Mirrors?.ToArray() ?? Array.Empty<string>(),
                InsecureRegistries = InsecureRegistries(info.RegistryConfig),
                SwarmState = info.Swarm?.LocalNodeState ?? string.Empty,
                Experimental = info.ExperimentalBuild,
                LiveRestoreEnabled = info.LiveRestoreEnabled,
                Labels = info.Labels?.ToArray() ?? Array.Empty<string>(),
                Warnings = info.Warnings?.ToArray() ?? Array.Empty<string>(),
                ClientVersion = typeof(SystemService).Assembly.GetName().Version,
                Endpoint = Engine.Endpoint.Uri,
                Context = Engine.Endpoint.ContextName,
            };
        }

        /// <summary>
        /// <c>docker system df</c>: one record per type (Images, Containers, Local Volumes, Build Cache),
        /// computed as the docker CLI computes it; with <paramref name="detailed"/> each carries its items.
        /// </summary>
        public async Task<IList<EngineUsage>> GetUsageAsync(bool detailed, CancellationToken cancellation)
        {
            using var doc = await Call(c => RawApiCall.SendAsync(Engine, c, HttpMethod.Get, "/system/df", cancellation), cancellation).ConfigureAwait(false);
            return DiskUsage.From(doc.RootElement, Engine.Engine, detailed);
        }

        /// <summary>
        /// Streams the engine's events (<c>docker events</c>) to <paramref name="post"/> as they arrive,
        /// until <paramref name="until"/> (the engine then ends the stream) or cancellation.
        /// </summary>
        public async Task WatchEventsAsync(DateTime? since, DateTime? until, IDictionary<string, IDictionary<string, bool>>? filters, Action<EngineEvent> post, CancellationToken cancellation)
        {
            var parameters = new ContainerEventsParameters
            {
                Since = since is { } s ? UnixTime(s) : null,
                Until = until is { } u ? UnixTime(u) : null,
                Filters = filters,
            };
            // A synchronous IProgress: each event is handed on by the reading thread, in order (Progress<T> would post them to the thread pool, unordered).
            await Call(c => c.System.MonitorEventsAsync(parameters, new SyncProgress<Message>(m => post(EventFrom(m))), cancellation), cancellation).ConfigureAwait(false);
        }

        /// <summary>Removes unused networks (<c>docker network prune</c>).</summary>
        public async Task<PruneResult> PruneNetworksAsync(IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Networks.PruneNetworksAsync(new NetworksDeleteUnusedParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return Result("Network", response.NetworksDeleted, 0);
        }

        /// <summary>
        /// Removes unused volumes (<c>docker volume prune</c>): anonymous ones on API 1.42 and newer;
        /// engines older than that remove every unused local volume, named or not.
        /// </summary>
        public async Task<PruneResult> PruneVolumesAsync(IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Volumes.PruneAsync(new VolumesPruneParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return Result("Volume", response.VolumesDeleted, (long)response.SpaceReclaimed);
        }

        /// <summary>Removes dangling images, or with <paramref name="all"/> every image no container uses (<c>docker image prune [-a]</c>).</summary>
        public async Task<PruneResult> PruneImagesAsync(bool all, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var withDangling = new Dictionary<string, IDictionary<string, bool>>(filters ?? new Dictionary<string, IDictionary<string, bool>>(), StringComparer.Ordinal)
            {
                ["dangling"] = new Dictionary<string, bool> { [all ? "false" : "true"] = true },
            };
            var response = await Call(c => c.Images.PruneImagesAsync(new ImagesPruneParameters { Filters = withDangling }, cancellation), cancellation).ConfigureAwait(false);
            var deleted = response.ImagesDeleted?.Select(d => d.Deleted is { Length: > 0 } id ? id : "untagged " + d.Untagged).ToList();
            return Result("Image", deleted, (long)response.SpaceReclaimed);
        }

        /// <summary>Removes build cache (<c>docker builder prune [-a]</c>): dangling, or with <paramref name="all"/> all of it.</summary>
        public async Task<PruneResult> PruneBuildCacheAsync(bool all, IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var query = new StringBuilder("/build/prune");
            query.Append(all ? "?all=1" : "?all=0");
            if (filters is not null)
            {
                var json = JsonSerializer.Serialize(filters.ToDictionary(f => f.Key, f => f.Value.ToDictionary(v => v.Key, v => v.Value)));
                query.Append("&filters=").Append(Uri.EscapeDataString(json));
            }

            using var doc = await Call(c => RawApiCall.SendAsync(Engine, c, HttpMethod.Post, query.ToString(), cancellation), cancellation).ConfigureAwait(false);
            var root = doc.RootElement;
            var deleted = root.TryGetProperty("CachesDeleted", out var caches) && caches.ValueKind == JsonValueKind.Array
                ? caches.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : new List<string>();
            var space = root.TryGetProperty("SpaceReclaimed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
            return Result("BuildCache", deleted, space);
        }

        /// <summary>The Unix time the engine's since/until take: seconds with nanoseconds.</summary>
        public static string UnixTime(DateTime time)
        {
            var utc = time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local).ToUniversalTime() : time.ToUniversalTime();
            var ticks = utc.Ticks - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            var seconds = Math.Floor(ticks / (double)TimeSpan.TicksPerSecond);
            var nanos = (ticks - ((long)seconds * TimeSpan.TicksPerSecond)) * 100;
            return ((long)seconds).ToString(CultureInfo.InvariantCulture) + "." + nanos.ToString("D9", CultureInfo.InvariantCulture);
        }

        private EngineEvent EventFrom(Message m)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in m.Actor?.Attributes ?? new Dictionary<string, string>())
            {
                attributes[a.Key] = a.Value;
            }

            var time = m.TimeNano is { } nano && nano > 0
                ? new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(nano / 100).ToLocalTime()
                : DateTimeOffset.FromUnixTimeSeconds(m.Time ?? 0).LocalDateTime;
            return new EngineEvent
            {
                Engine = Engine.Engine,
                Time = time,
                Type = m.Type ?? string.Empty,
                Action = m.Action ?? string.Empty,
                ActorId = m.Actor?.ID ?? string.Empty,
                ActorAttributes = attributes,
                Scope = m.Scope ?? string.Empty,
            };
        }

        private PruneResult Result(string type, IEnumerable<string>? deleted, long space) => new PruneResult
        {
            Engine = Engine.Engine,
            ResourceType = type,
            Deleted = deleted?.ToArray() ?? Array.Empty<string>(),
            SpaceReclaimed = space,
        };

        private static string[] InsecureRegistries(ServiceConfig? config)
        {
            if (config is null)
            {
                return Array.Empty<string>();
            }

            var cidrs = config.InsecureRegistryCIDRs?.Select(c => c.ToString()) ?? Enumerable.Empty<string>();
            var hosts = config.IndexConfigs?.Values.Where(i => i is not null && !i.Secure).Select(i => i.Name) ?? Enumerable.Empty<string>();
            return cidrs.Concat(hosts).Where(s => !string.IsNullOrEmpty(s)).Distinct().ToArray();
        }

        private static System.Version? ParseVersion(string? text) =>
            System.Version.TryParse(text ?? string.Empty, out var v) ? v : null;
    }
}
