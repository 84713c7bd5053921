using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Which keys each mapping of a compose file may hold, from the compose-spec JSON schema
    /// (compose-spec/compose-spec schema/compose-spec.json), and which of them PSDocker supports. A key
    /// outside the spec is refused as compose refuses it (ComposeKeyUnknown); a key of the spec that
    /// PSDocker does not support yet is refused by name (ComposeKeyUnsupported), never ignored;
    /// <c>x-</c> keys are extensions and ignored.
    /// </summary>
    internal static class ComposeSpecKeys
    {
        private static readonly Dictionary<string, (HashSet<string> Supported, HashSet<string> Spec)> Tables = new Dictionary<string, (HashSet<string>, HashSet<string>)>(StringComparer.Ordinal)
        {
            ["top"] = Table("version name services networks volumes", "include models secrets configs"),
            ["service"] = Table(
                "build command container_name depends_on deploy dns entrypoint env_file environment expose extra_hosts healthcheck hostname image labels networks ports profiles restart scale stop_grace_period stop_signal tmpfs user volumes working_dir",
                "develop annotations attach blkio_config cap_add cap_drop cgroup cgroup_parent configs cpu_count cpu_percent cpu_shares cpu_quota cpu_period cpu_rt_period cpu_rt_runtime cpus cpuset credential_spec device_cgroup_rules devices dns_opt dns_search domainname label_file extends provider external_links gpus group_add init ipc isolation links logging mac_address mem_limit mem_reservation mem_swappiness memswap_limit network_mode models oom_kill_disable oom_score_adj pid pids_limit platform pre_start post_start pre_stop privileged pull_policy pull_refresh_after read_only runtime security_opt shm_size secrets sysctls stdin_open storage_opt tty ulimits use_api_socket uts userns_mode volumes_from"),
            ["build"] = Table(
                "context dockerfile args target",
                "dockerfile_inline entitlements ssh labels cache_from cache_to no_cache no_cache_filter additional_contexts network provenance sbom pull shm_size extra_hosts isolation privileged secrets tags ulimits platforms"),
            ["deploy"] = Table("replicas", "mode endpoint_mode labels rollback_config update_config resources restart_policy placement"),
            ["healthcheck"] = Table("disable interval retries test timeout start_period", "start_interval"),
            ["port"] = Table("target published host_ip protocol mode", "name app_protocol"),
            ["mount"] = Table("type source target read_only", "consistency bind volume tmpfs image"),
            ["service_network"] = Table("aliases", "interface_name ipv4_address ipv6_address link_local_ips mac_address driver_opts priority gw_priority"),
            ["dependency"] = Table("condition required restart", string.Empty),
            ["env_file"] = Table("path required", "format"),
            ["network"] = Table("name driver external internal labels ipam", "driver_opts enable_ipv4 enable_ipv6 attachable"),
            ["external"] = Table("name", string.Empty),
            ["ipam"] = Table("config", "driver options"),
            ["ipam_config"] = Table("subnet", "ip_range gateway aux_addresses"),
            ["volume"] = Table("name driver external labels", "driver_opts"),
        };

        /// <summary>
        /// Checks every key of <paramref name="mapping"/> against the table <paramref name="table"/>;
        /// <paramref name="path"/> names the mapping in messages (<c>services.web</c>, <c>(root)</c>).
        /// </summary>
        public static void Check(ComposeMapping mapping, string table, string path, bool extensions = true)
        {
            var (supported, spec) = Tables[table];
            foreach (var key in mapping.Entries.Select(e => e.Key))
            {
                var name = key.Value ?? string.Empty;
                if (supported.Contains(name) || (extensions && name.StartsWith("x-", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (spec.Contains(name))
                {
                    var where = path == "(root)" ? name : path + "." + name;
                    throw key.Error("ComposeKeyUnsupported", $"{where}: '{name}' is in the compose specification but PSDocker does not support it yet; remove it or run this project with docker compose");
                }

                throw key.Error("ComposeKeyUnknown", $"{path} Additional property {name} is not allowed");
            }
        }

        private static (HashSet<string>, HashSet<string>) Table(string supported, string spec) => (
            new HashSet<string>(supported.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal),
            new HashSet<string>(spec.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));
    }
}
