using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The docker CLI's context store, read and written the way <c>docker context</c> does: each context's
    /// metadata in <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c>, its TLS material in
    /// <c>contexts/tls/&lt;id&gt;/docker/{ca,cert,key}.pem</c>, the current one as <c>currentContext</c> in
    /// <c>config.json</c> (whose other keys are kept as they are). Contexts made here work with the docker
    /// CLI and the other way round. Reading an endpoint for a call stays with <see cref="DockerConfigStore"/>.
    /// </summary>
    public sealed class ContextStore
    {
        /// <summary>The names docker accepts for a context.</summary>
        public static readonly Regex NamePattern = new Regex("^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$", RegexOptions.CultureInvariant);

        /// <summary>The description docker gives the default context.</summary>
        public const string DefaultDescription = "Current DOCKER_HOST based configuration";

        private static readonly JsonWriterOptions CompactJson = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly Func<string, string?> _getEnvironment;
        private readonly Uri _defaultUri;

        /// <summary>Creates a store over a docker configuration folder.</summary>
        /// <param name="configDirectory">The folder (<c>$DOCKER_CONFIG</c> or <c>~/.docker</c>).</param>
        /// <param name="getEnvironment">Reads an environment variable (DOCKER_HOST, DOCKER_CONTEXT).</param>
        /// <param name="defaultUri">The platform's default engine, the default context's endpoint without DOCKER_HOST.</param>
        public ContextStore(string configDirectory, Func<string, string?> getEnvironment, Uri defaultUri)
        {
            ConfigDirectory = configDirectory;
            _getEnvironment = getEnvironment;
            _defaultUri = defaultUri;
        }

        /// <summary>The configuration folder.</summary>
        public string ConfigDirectory { get; }

        private string ConfigFile => Path.Combine(ConfigDirectory, "config.json");

        /// <summary>The store of this process's docker configuration folder.</summary>
        public static ContextStore ForCurrentProcess()
        {
            var resolver = EndpointResolver.ForCurrentProcess();
            return new ContextStore(resolver.ConfigStore.ConfigDirectory, Environment.GetEnvironmentVariable, resolver.DefaultUri);
        }

        /// <summary>Whether a name is the default context ("default": the environment and the platform default).</summary>
        public static bool IsDefault(string name) => string.Equals(name, DockerConfigStore.DefaultContextName, StringComparison.Ordinal);

        /// <summary>
        /// The context in use, in the docker CLI's order: DOCKER_HOST means the default context, then
        /// DOCKER_CONTEXT, then config.json's currentContext, then the default.
        /// </summary>
        public string CurrentName()
        {
            if (NonEmpty(_getEnvironment("DOCKER_HOST")) is not null)
            {
                return DockerConfigStore.DefaultContextName;
            }

            return NonEmpty(_getEnvironment("DOCKER_CONTEXT"))
                ?? new DockerConfigStore(ConfigDirectory).ReadCurrentContext()
                ?? DockerConfigStore.DefaultContextName;
        }

        /// <summary>Every context, the default one included, sorted by name like <c>docker context ls</c>.</summary>
        public IList<ContainerContext> List()
        {
            var current = CurrentName();
            var contexts = new List<ContainerContext>
            {
                new ContainerContext
                {
                    Name = DockerConfigStore.DefaultContextName,
                    Description = DefaultDescription,
                    DockerEndpoint = NonEmpty(_getEnvironment("DOCKER_HOST")) ?? _defaultUri.ToString(),
                },
            };

            var meta = Path.Combine(ConfigDirectory, "contexts", "meta");
            if (Directory.Exists(meta))
            {
                foreach (var dir in Directory.EnumerateDirectories(meta))
                {
                    var file = Path.Combine(dir, "meta.json");
                    if (File.Exists(file))
                    {
                        contexts.Add(Read(file, Path.GetFileName(dir)));
                    }
                }
            }

            foreach (var c in contexts)
            {
                c.Current = string.Equals(c.Name, current, StringComparison.Ordinal);
            }

            return contexts.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }

        /// <summary>The context of that name, or null when there is none.</summary>
        public ContainerContext? Find(string name) => List().FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

        /// <summary>
        /// Creates a context (<c>docker context create NAME --description … --docker host=…,ca=…,cert=…,key=…,skip-tls-verify=…</c>).
        /// The host must already be checked; TLS files are copied into the store.
        /// </summary>
        public ContainerContext Create(string name, string description, string host, bool skipTlsVerify, string? caPath, string? certificatePath, string? keyPath)
        {
            var id = DockerConfigStore.ContextId(name);
            var metaDirectory = Path.Combine(ConfigDirectory, "contexts", "meta", id);
            var tlsDirectory = Path.Combine(ConfigDirectory, "contexts", "tls", id, "docker");
            var tlsFiles = new[] { ("ca.pem", caPath), ("cert.pem", certificatePath), ("key.pem", keyPath) }.Where(f => f.Item2 is not null).ToList();
            var tlsContent = tlsFiles.Select(f => (f.Item1, File.ReadAllBytes(f.Item2!))).ToList();

            Directory.CreateDirectory(metaDirectory);
            try
            {
                if (tlsContent.Count > 0)
                {
                    Directory.CreateDirectory(tlsDirectory);
                    SetMode(Path.Combine(ConfigDirectory, "contexts", "tls"), 0x1C0);
                    SetMode(Path.GetDirectoryName(tlsDirectory)!, 0x1C0);
                    SetMode(tlsDirectory, 0x1C0);
                    foreach (var (file, bytes) in tlsContent)
                    {
                        var path = Path.Combine(tlsDirectory, file);
                        File.WriteAllBytes(path, bytes);
                        SetMode(path, 0x180);
                    }
                }

                WriteAtomically(Path.Combine(metaDirectory, "meta.json"), MetaJson(name, description, host, skipTlsVerify), null);
            }
            catch
            {
                DeleteFolders(id);
                throw;
            }

            return Find(name) ?? throw new IOException($"The context '{name}' was written to '{metaDirectory}' but cannot be read back.");
        }

        /// <summary>Removes a context's metadata and TLS material (<c>docker context rm</c>); the current one is reset to the default.</summary>
        public void Remove(string name)
        {
            if (string.Equals(new DockerConfigStore(ConfigDirectory).ReadCurrentContext(), name, StringComparison.Ordinal))
            {
                SetCurrent(DockerConfigStore.DefaultContextName);
            }

            DeleteFolders(DockerConfigStore.ContextId(name));
        }

        /// <summary>
        /// Makes a context the current one (<c>docker context use</c>): writes <c>currentContext</c> to
        /// config.json (the default context removes the key), keeping every other key and its value as
        /// it is, in its order. The file is replaced atomically, with its permissions.
        /// </summary>
        public void SetCurrent(string name)
        {
            var path = ConfigFile;
            var value = IsDefault(name) ? null : name;
            byte[]? original = File.Exists(path) ? File.ReadAllBytes(path) : null;
            if (original is null && value is null)
            {
                return;
            }

            Directory.CreateDirectory(ConfigDirectory);
            WriteAtomically(path, ConfigJson(original, value), original is null ? null : path);
        }

        /// <summary>The config.json text with <c>currentContext</c> set (or removed when <paramref name="current"/> is null).</summary>
        public static byte[] ConfigJson(byte[]? original, string? current)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, IndentCharacter = '\t', IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                var written = false;
                if (original is { Length: > 0 } && Encoding.UTF8.GetString(original).Trim().Length > 0)
                {
                    JsonDocument doc;
                    try
                    {
                        doc = JsonDocument.Parse(original, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    }
                    catch (JsonException e)
                    {
                        // Said as InvalidDataException: no System.Text.Json type leaves the engine layer.
                        throw new InvalidDataException("config.json is not valid JSON: " + e.Message, e);
                    }

                    using var parsed = doc;
                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        throw new InvalidDataException("config.json does not hold a JSON object.");
                    }

                    foreach (var property in doc.RootElement.EnumerateObject())
                    {
                        if (property.NameEquals("currentContext"))
                        {
                            if (current is not null && !written)
                            {
                                writer.WriteString("currentContext", current);
                                written = true;
                            }

                            continue;
                        }

                        writer.WritePropertyName(property.Name);
                        writer.WriteRawValue(property.Value.GetRawText(), skipInputValidation: true);
                    }
                }

                if (current is not null && !written)
                {
                    writer.WriteString("currentContext", current);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static byte[] MetaJson(string name, string description, string host, bool skipTlsVerify)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, CompactJson))
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteStartObject("Metadata");
                if (description.Length > 0)
                {
                    writer.WriteString("Description", description);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("Endpoints");
                writer.WriteStartObject("docker");
                writer.WriteString("Host", host);
                writer.WriteBoolean("SkipTLSVerify", skipTlsVerify);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private ContainerContext Read(string file, string id)
        {
            var context = new ContainerContext { Name = id };
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = doc.RootElement;
                context.Name = Text(root, "Name") ?? id;
                if (root.TryGetProperty("Metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
                {
                    context.Description = Text(metadata, "Description") ?? string.Empty;
                }

                if (root.TryGetProperty("Endpoints", out var endpoints) && endpoints.ValueKind == JsonValueKind.Object
                    && endpoints.TryGetProperty("docker", out var docker) && docker.ValueKind == JsonValueKind.Object)
                {
                    context.DockerEndpoint = Text(docker, "Host") ?? string.Empty;
                    context.SkipTlsVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
                }

                var tls = Path.Combine(ConfigDirectory, "contexts", "tls", id, "docker");
                context.TlsPath = Directory.Exists(tls) ? tls : null;
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
            {
                context.Error = $"The context's metadata '{file}' cannot be read: {e.Message}";
            }

            return context;
        }

        private void DeleteFolders(string id)
        {
            foreach (var dir in new[] { Path.Combine(ConfigDirectory, "contexts", "meta", id), Path.Combine(ConfigDirectory, "contexts", "tls", id) })
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        /// <summary>Writes a file through a temporary file and a rename, so a reader never sees half of it; keeps the mode of <paramref name="modeFrom"/>.</summary>
        private static void WriteAtomically(string path, byte[] content, string? modeFrom)
        {
            var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
            File.WriteAllBytes(temp, content);
            try
            {
                if (modeFrom is not null && GetMode(modeFrom) is { } mode)
                {
                    SetMode(temp, mode);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        // File.Get/SetUnixFileMode exist from .NET 7 (PowerShell 7.4+); Windows PowerShell has no Unix modes.
        private static int? GetMode(string path)
        {
            var method = typeof(File).GetMethod("GetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
            return method is null || Path.DirectorySeparatorChar == '\\' ? null : Convert.ToInt32(method.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void SetMode(string path, int mode)
        {
            var method = typeof(File).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "SetUnixFileMode" && m.GetParameters() is { Length: 2 } p && p[0].ParameterType == typeof(string));
            if (method is null || Path.DirectorySeparatorChar == '\\')
            {
                return;
            }

            method.Invoke(null, new[] { path, Enum.ToObject(method.GetParameters()[1].ParameterType, mode) });
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
