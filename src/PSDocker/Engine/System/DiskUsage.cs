using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Turns the engine's <c>/system/df</c> answer into the four lines of <c>docker system df</c>, with
    /// the docker CLI's arithmetic: images' size is the engine's LayersSize and what is reclaimable is what
    /// no container's image holds exclusively; containers are active when running, paused or restarting;
    /// volumes when a container uses them; build cache counts only unshared records.
    /// </summary>
    internal static class DiskUsage
    {
        public static IList<EngineUsage> From(JsonElement root, Engine engine, bool detailed)
        {
            return new[] { Images(root, engine, detailed), Containers(root, engine, detailed), Volumes(root, engine, detailed), BuildCache(root, engine, detailed) };
        }

        private static EngineUsage Images(JsonElement root, Engine engine, bool detailed)
        {
            var images = Array(root, "Images");
            var total = Long(root, "LayersSize");
            long used = 0;
            var items = new List<EngineUsageItem>();
            foreach (var image in images)
            {
                var containers = Long(image, "Containers");
                var size = Long(image, "Size");
                var shared = Long(image, "SharedSize");
                if (containers > 0 && size != -1 && shared != -1)
                {
                    used += size - shared;
                }

                var id = String(image, "Id");
                var tags = Strings(image, "RepoTags").Where(t => t != "<none>:<none>").ToList();
                items.Add(Item(engine, "Images", tags.FirstOrDefault() ?? ResourceIds.Short(id), id, size, containers > 0, containers, Unix(image, "Created")));
            }

            return Usage(engine, "Images", images.Count, images.Count(i => Long(i, "Containers") > 0), total, total - used, detailed ? items : null);
        }

        private static EngineUsage Containers(JsonElement root, Engine engine, bool detailed)
        {
            var containers = Array(root, "Containers");
            long size = 0, reclaimable = 0, active = 0;
            var items = new List<EngineUsageItem>();
            foreach (var c in containers)
            {
                var state = String(c, "State");
                var isActive = state.Contains("running") || state.Contains("paused") || state.Contains("restarting");
                var rw = Long(c, "SizeRw");
                size += rw;
                if (isActive)
                {
                    active++;
                }
                else
                {
                    reclaimable += rw;
                }

                var id = String(c, "Id");
                var name = Strings(c, "Names").FirstOrDefault()?.TrimStart('/') ?? ResourceIds.Short(id);
                items.Add(Item(engine, "Containers", name, id, rw, isActive, null, Unix(c, "Created")));
            }

            return Usage(engine, "Containers", containers.Count, active, size, reclaimable, detailed ? items : null);
        }

        private static EngineUsage Volumes(JsonElement root, Engine engine, bool detailed)
        {
            var volumes = Array(root, "Volumes");
            long size = 0, reclaimable = 0, active = 0;
            var items = new List<EngineUsageItem>();
            foreach (var v in volumes)
            {
                var usage = v.TryGetProperty("UsageData", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
                var bytes = usage.ValueKind == JsonValueKind.Object ? Long(usage, "Size") : -1;
                var refs = usage.ValueKind == JsonValueKind.Object ? Long(usage, "RefCount") : 0;
                if (bytes != -1)
                {
                    size += bytes;
                    if (refs == 0)
                    {
                        reclaimable += bytes;
                    }
                }

                if (refs > 0)
                {
                    active++;
                }

                var name = String(v, "Name");
                items.Add(Item(engine, "Local Volumes", name, name, Math.Max(bytes, 0), refs > 0, refs, null));
            }

            return Usage(engine, "Local Volumes", volumes.Count, active, size, reclaimable, detailed ? items : null);
        }

        private static EngineUsage BuildCache(JsonElement root, Engine engine, bool detailed)
        {
            var records = Array(root, "BuildCache");
            long size = 0, reclaimable = 0, active = 0;
            var items = new List<EngineUsageItem>();
            foreach (var r in records)
            {
                var inUse = Bool(r, "InUse");
                var shared = Bool(r, "Shared");
                var bytes = Long(r, "Size");
                if (inUse)
                {
                    active++;
                }

                if (!shared)
                {
                    size += bytes;
                    if (!inUse)
                    {
                        reclaimable += bytes;
                    }
                }

                var id = String(r, "ID");
                items.Add(Item(engine, "Build Cache", ResourceIds.Short(id), id, bytes, inUse, null, Time(r, "CreatedAt")));
            }

            return Usage(engine, "Build Cache", records.Count, active, size, reclaimable, detailed ? items : null);
        }

        private static EngineUsage Usage(Engine engine, string type, long total, long active, long size, long reclaimable, List<EngineUsageItem>? items) => new EngineUsage
        {
            Engine = engine,
            Type = type,
            TotalCount = total,
            Active = active,
            Size = size,
            Reclaimable = Math.Max(reclaimable, 0),
            Items = items?.ToArray(),
        };

        private static EngineUsageItem Item(Engine engine, string type, string name, string id, long size, bool active, long? links, DateTime? created) => new EngineUsageItem
        {
            Engine = engine,
            Type = type,
            Name = name,
            Id = id,
            Size = size,
            Active = active,
            Links = links,
            Created = created,
        };

        private static List<JsonElement> Array(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : new List<JsonElement>();

        private static IEnumerable<string> Strings(JsonElement e, string name) =>
            Array(e, name).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!);

        private static long Long(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : 0;

        private static bool Bool(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

        private static string String(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

        private static DateTime? Unix(JsonElement e, string name) =>
            Long(e, name) is var s and > 0 ? DateTimeOffset.FromUnixTimeSeconds(s).LocalDateTime : null;

        private static DateTime? Time(JsonElement e, string name) =>
            DateTimeOffset.TryParse(String(e, name), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t.LocalDateTime : null;
    }
}
