using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Registry credentials as PSDocker finds them: those given to Connect-Registry in this session first,
    /// then the docker CLI's own (<c>credHelpers</c>, <c>credsStore</c>, <c>auths</c> of config.json in
    /// <c>$DOCKER_CONFIG</c> or <c>~/.docker</c>), so a user who ran <c>docker login</c> needs nothing more.
    /// Saving writes where the docker CLI reads: the credential helper the config names, else
    /// <c>auths</c>. Secrets never leave this class except to the engine's auth header.
    /// </summary>
    public sealed class RegistryCredentialStore
    {
        /// <summary>The key the docker CLI files Docker Hub under.</summary>
        public const string DockerHubKey = "https://index.docker.io/v1/";

        private static readonly ConcurrentDictionary<string, PSCredential> Session = new ConcurrentDictionary<string, PSCredential>(StringComparer.OrdinalIgnoreCase);

        private readonly string _configPath;

        /// <summary>Creates the store over a docker configuration folder.</summary>
        public RegistryCredentialStore(string configDirectory) => _configPath = Path.Combine(configDirectory, "config.json");

        /// <summary>The store of this process's docker configuration folder.</summary>
        public static RegistryCredentialStore ForCurrentProcess() => new RegistryCredentialStore(EndpointResolver.ForCurrentProcess().ConfigStore.ConfigDirectory);

        /// <summary>A registry as the docker CLI keys it: host[:port], Docker Hub as its index URL.</summary>
        public static string Normalize(string server)
        {
            var s = server.Trim();
            foreach (var scheme in new[] { "https://", "http://" })
            {
                if (s.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    s = s.Substring(scheme.Length);
                }
            }

            var slash = s.IndexOf('/');
            if (slash >= 0)
            {
                s = s.Substring(0, slash);
            }

            return s is "docker.io" or "index.docker.io" or "registry-1.docker.io" or "" ? DockerHubKey : s.ToLowerInvariant();
        }

        /// <summary>Keeps credentials for the rest of the session.</summary>
        public static void Remember(string server, PSCredential credential) => Session[Normalize(server)] = credential;

        /// <summary>Forgets the session's credentials for a registry; whether there were any.</summary>
        public static bool Forget(string server) => Session.TryRemove(Normalize(server), out _);

        /// <summary>The credentials for a registry: the session's, else the docker CLI's; null when none.</summary>
        public PSCredential? Find(string server) => Find(Normalize(server), null);

        // The credentials for a normalized registry key, from the session or from a docker config already
        // read (null: read it now, only when the session has none).
        private PSCredential? Find(string key, JsonObject? config)
        {
            if (Session.TryGetValue(key, out var remembered))
            {
                return remembered;
            }

            config ??= ReadConfig();
            if (HelperFor(config, key) is { } helper)
            {
                return HelperGet(helper, key);
            }

            if (config?["auths"]?[key]?["auth"]?.GetValue<string>() is { Length: > 0 } auth)
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
                var colon = pair.IndexOf(':');
                if (colon > 0)
                {
                    return new PSCredential(pair.Substring(0, colon), ToSecure(pair.Substring(colon + 1)));
                }
            }

            return null;
        }

        /// <summary>
        /// Every registry's credentials PSDocker knows: the session's, and the docker CLI's for each
        /// registry its config names (<c>auths</c>, <c>credHelpers</c>), as <c>docker build</c> sends them
        /// all for the base images. A registry whose credentials cannot be read is left out.
        /// </summary>
        public IReadOnlyDictionary<string, PSCredential> All()
        {
            var servers = new HashSet<string>(Session.Keys, StringComparer.OrdinalIgnoreCase);
            var config = ReadConfig();
            foreach (var section in new[] { "auths", "credHelpers" })
            {
                if (config?[section] is JsonObject entries)
                {
                    foreach (var entry in entries)
                    {
                        servers.Add(Normalize(entry.Key));
                    }
                }
            }

            var all = new Dictionary<string, PSCredential>(StringComparer.OrdinalIgnoreCase);
            foreach (var server in servers)
            {
                try
                {
                    if (Find(server, config) is { } credential)
                    {
                        all[server] = credential;
                    }
                }
                catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or FormatException)
                {
                    // A helper that fails or an entry that does not decode: that registry goes without.
                }
            }

            return all;
        }

        /// <summary>Saves credentials where the docker CLI reads them (its credential helper, else <c>auths</c>).</summary>
        public void Save(string server, PSCredential credential)
        {
            var key = Normalize(server);
            var config = ReadConfig() ?? new JsonObject();
            var password = credential.GetNetworkCredential().Password;
            if (HelperFor(config, key) is { } helper)
            {
                var body = new JsonObject { ["ServerURL"] = key, ["Username"] = credential.UserName, ["Secret"] = password }.ToJsonString();
                RunHelper(helper, "store", body);
                return;
            }

            var auths = config["auths"] as JsonObject ?? new JsonObject();
            config["auths"] = auths;
            auths[key] = new JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + password)) };
            WriteConfig(config);
        }

        /// <summary>Removes saved credentials (<c>docker logout</c>); whether there were any.</summary>
        public bool Erase(string server)
        {
            var key = Normalize(server);
            var config = ReadConfig();
            if (config is null)
            {
                return false;
            }

            if (HelperFor(config, key) is { } helper)
            {
                try
                {
                    RunHelper(helper, "erase", key);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            }

            if (config["auths"] is JsonObject auths && auths.Remove(key))
            {
                WriteConfig(config);
                return true;
            }

            return false;
        }

        private JsonObject? ReadConfig()
        {
            if (!File.Exists(_configPath))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(File.ReadAllText(_configPath)) as JsonObject;
            }
            catch (JsonException e)
            {
                // Said as InvalidDataException: no System.Text.Json type leaves the engine layer.
                throw new InvalidDataException($"The docker configuration '{_configPath}' is not valid JSON: {e.Message}", e);
            }
        }

        private void WriteConfig(JsonObject config)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_configPath)!);
            var temporary = _configPath + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            File.WriteAllText(temporary, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (File.Exists(_configPath))
            {
                File.Replace(temporary, _configPath, null);
            }
            else
            {
                File.Move(temporary, _configPath);
            }
        }

        private static string? HelperFor(JsonObject? config, string key) =>
            config?["credHelpers"]?[key]?.GetValue<string>() is { Length: > 0 } specific
                ? specific
                : config?["credsStore"]?.GetValue<string>() is { Length: > 0 } store ? store : null;

        private static PSCredential? HelperGet(string helper, string key)
        {
            string output;
            try
            {
                output = RunHelper(helper, "get", key);
            }
            catch (InvalidOperationException)
            {
                return null; // "credentials not found in native keychain"
            }

            JsonNode? reply;
            try
            {
                reply = JsonNode.Parse(output);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException("The credential helper's answer is not valid JSON: " + e.Message, e);
            }

            var user = reply?["Username"]?.GetValue<string>();
            var secret = reply?["Secret"]?.GetValue<string>();
            return string.IsNullOrEmpty(user) || secret is null ? null : new PSCredential(user, ToSecure(secret));
        }

        private static string RunHelper(string helper, string action, string input)
        {
            var start = new ProcessStartInfo("docker-credential-" + helper, action)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            try
            {
                using var process = Process.Start(start)!;
                process.StandardInput.Write(input);
                process.StandardInput.Close();
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    // The helper's own words name no secret (they come from its store, not from our input).
                    throw new InvalidOperationException($"docker-credential-{helper} {action} failed: {output.Trim()}");
                }

                return output;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"The docker config names the credential helper '{helper}', but docker-credential-{helper} could not be run: {e.Message}", e);
            }
        }

        private static System.Security.SecureString ToSecure(string text)
        {
            var secure = new System.Security.SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
