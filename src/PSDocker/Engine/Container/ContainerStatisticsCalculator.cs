using System;
using System.Collections.Generic;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Turns the engine's raw stats records into <see cref="ContainerStatistics"/> exactly as the docker
    /// CLI does (docker/cli <c>cli/command/container/stats_helpers.go</c>): the same formulas, in the same
    /// floating-point order, so a sample reads the same in both.
    /// </summary>
    public static class ContainerStatisticsCalculator
    {
        /// <summary>
        /// CPU percent between two samples: (container CPU delta / system CPU delta) × online CPUs × 100,
        /// and 0 unless both deltas are positive. With no online-CPU count (old kernels) the number of
        /// per-CPU counters stands in for it.
        /// </summary>
        public static double CpuPercent(ulong previousTotal, ulong total, ulong previousSystem, ulong system, uint onlineCpus, int perCpuCount)
        {
            var cpuPercent = 0.0;
            var cpuDelta = (double)total - previousTotal;
            var systemDelta = (double)system - previousSystem;
            double online = onlineCpus;
            if (online == 0.0)
            {
                online = perCpuCount;
            }

            if (systemDelta > 0.0 && cpuDelta > 0.0)
            {
                cpuPercent = cpuDelta / systemDelta * online * 100.0;
            }

            return cpuPercent;
        }

        /// <summary>
        /// Memory used without the cache that can be reclaimed: usage minus <c>total_inactive_file</c> on
        /// cgroup v1, minus <c>inactive_file</c> on cgroup v2 (each only when smaller than the usage).
        /// </summary>
        public static ulong MemoryUsage(ulong usage, IDictionary<string, ulong>? stats)
        {
            if (stats is not null && stats.TryGetValue("total_inactive_file", out var v1) && v1 < usage)
            {
                return usage - v1;
            }

            var v2 = stats is not null && stats.TryGetValue("inactive_file", out var inactive) ? inactive : 0UL;
            if (v2 < usage)
            {
                return usage - v2;
            }

            return usage;
        }

        /// <summary>Memory used in percent of the limit; 0 when there is no limit reading (a stopped container).</summary>
        public static double MemoryPercent(double limit, double used) => limit != 0 ? used / limit * 100.0 : 0;

        /// <summary>Bytes read and written, summed over the block-I/O entries whose operation starts with r/R and w/W.</summary>
        public static (ulong Read, ulong Written) BlockIO(IEnumerable<(string Op, ulong Value)> entries)
        {
            ulong read = 0, written = 0;
            foreach (var (op, value) in entries)
            {
                if (string.IsNullOrEmpty(op))
                {
                    continue;
                }

                switch (op[0])
                {
                    case 'r':
                    case 'R':
                        read += value;
                        break;
                    case 'w':
                    case 'W':
                        written += value;
                        break;
                }
            }

            return (read, written);
        }

        /// <summary>Whether a raw sample is the empty record the engine answers for a container that is not running.</summary>
        internal static bool IsEmpty(ContainerStatsResponse r) => r.Read == default;

        /// <summary>The statistics of one raw sample (Linux containers).</summary>
        internal static ContainerStatistics From(ContainerStatsResponse r, Engine engine, string fallbackId, string fallbackName)
        {
            var cpu = r.CPUStats;
            var pre = r.PreCPUStats;
            var memory = r.MemoryStats;
            var usage = MemoryUsage(memory?.Usage ?? 0, memory?.Stats);
            var limit = memory?.Limit ?? 0;
            var (read, written) = BlockIO((r.BlkioStats?.IoServiceBytesRecursive ?? Enumerable.Empty<BlkioStatEntry>()).Select(e => (e.Op, e.Value)));
            ulong received = 0, sent = 0;
            foreach (var network in r.Networks?.Values ?? Enumerable.Empty<NetworkStats>())
            {
                received += network.RxBytes;
                sent += network.TxBytes;
            }

            return new ContainerStatistics
            {
                Engine = engine,
                ContainerId = r.ID is { Length: > 0 } id ? id : fallbackId,
                ContainerName = r.Name is { Length: > 0 } name ? Container.TrimName(name) : fallbackName,
                Read = r.Read == default ? r.Read : r.Read.ToLocalTime(),
                CpuPercent = CpuPercent(
                    pre?.CPUUsage?.TotalUsage ?? 0,
                    cpu?.CPUUsage?.TotalUsage ?? 0,
                    pre?.SystemUsage ?? 0,
                    cpu?.SystemUsage ?? 0,
                    cpu?.OnlineCPUs ?? 0,
                    cpu?.CPUUsage?.PercpuUsage?.Count ?? 0),
                MemoryUsage = (long)usage,
                MemoryLimit = (long)limit,
                MemoryPercent = MemoryPercent(limit, usage),
                NetworkReceived = (long)received,
                NetworkSent = (long)sent,
                BlockRead = (long)read,
                BlockWritten = (long)written,
                Pids = (long)(r.PidsStats?.Current ?? 0),
            };
        }
    }
}
