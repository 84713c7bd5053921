using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>ComposeLoader on real files in a temporary folder: no engine.</summary>
public sealed class ComposeLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "psd-compose-" + Guid.NewGuid().ToString("N").Substring(0, 8), "My App");

    public ComposeLoaderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_root)!, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private ComposeProjectConfig Load(string yaml, Dictionary<string, string>? environment = null, string[]? profiles = null, string? projectName = null)
    {
        Write("compose.yaml", yaml);
        return LoadFolder(environment, profiles, projectName);
    }

    private ComposeProjectConfig LoadFolder(Dictionary<string, string>? environment = null, string[]? profiles = null, string? projectName = null, string[]? paths = null, string[]? services = null) =>
        ComposeLoader.Load(new ComposeLoadRequest
        {
            WorkingDirectory = _root,
            Environment = environment ?? new Dictionary<string, string>(),
            Profiles = profiles ?? Array.Empty<string>(),
            ProjectName = projectName,
            Paths = paths ?? Array.Empty<string>(),
            Services = services ?? Array.Empty<string>(),
        });

    private ComposeFileException Fails(string yaml, Dictionary<string, string>? environment = null) =>
        Assert.Throws<ComposeFileException>(() => Load(yaml, environment));

    private static ComposeServiceConfig Service(ComposeProjectConfig project, string name) => project.Services.Single(s => s.Name == name);

    [Fact]
    public void Load_ImageCommandEnvironmentPortsVolumes_Normalised()
    {
        var p = Load("""
            services:
              web:
                image: nginx:1.25
                command: sh -c "echo hi"
                entrypoint: ["/entry", "x"]
                environment:
                  - A=1
                  - B
                  - C=
                ports:
                  - "8080:80"
                  - 127.0.0.1:9000-9001:90-91/udp
                  - 443
                  - target: 53
                    published: "5353"
                    host_ip: 127.0.0.1
                    protocol: udp
                    mode: host
                expose: ["3000", "4000-4001/udp"]
                volumes:
                  - data:/data:ro
                  - ./html:/usr/share/nginx/html
                  - /srv:/srv
                  - /anon
                  - ~/cfg:/cfg
                  - type: bind
                    source: ./conf
                    target: /conf
                    read_only: true
                  - type: tmpfs
                    target: /run
                tmpfs: /tmp
            volumes:
              data: {}
            """, new() { ["B"] = "from-env", ["HOME"] = "/home/u" });
        Assert.Equal("myapp", p.Name);
        var web = Service(p, "web");
        Assert.Equal("nginx:1.25", web.Image);
        Assert.Equal(new[] { "sh", "-c", "echo hi" }, web.Command);
        Assert.Equal(new[] { "/entry", "x" }, web.Entrypoint);
        Assert.Equal("1", web.Environment["A"]);
        Assert.Equal("from-env", web.Environment["B"]);
        Assert.Equal("", web.Environment["C"]);
        var ports = web.Ports.Select(x => $"{x.HostIp}|{x.Published}|{x.Target}/{x.Protocol}|{x.Publish}").ToArray();
        Assert.Equal(new[]
        {
            "|8080|80/tcp|True", "127.0.0.1|9000|90/udp|True", "127.0.0.1|9001|91/udp|True", "||443/tcp|True", "127.0.0.1|5353|53/udp|True",
            "||3000/tcp|False", "||4000/udp|False", "||4001/udp|False",
        }, ports);
        var mounts = web.Volumes.Select(m => $"{m.Type}|{m.Source}|{m.Target}|{m.ReadOnly}").ToArray();
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(new[]
        {
            "volume|data|/data|True", $"bind|{_root}/html|/usr/share/nginx/html|False", "bind|/srv|/srv|False", "volume||/anon|False",
            $"bind|{home}/cfg|/cfg|False", $"bind|{_root}/conf|/conf|True", "tmpfs||/run|False",
        }, mounts);
        Assert.Equal(new[] { "/tmp" }, web.Tmpfs);
        Assert.Equal(new[] { "default" }, web.Networks.Keys);
        Assert.Equal("myapp_data", p.Volumes.Single().Name);
        Assert.Equal("myapp_default", p.Networks.Single().Name);
        Assert.Equal(_root, p.WorkingDirectory);
        Assert.Equal(new[] { Path.Combine(_root, "compose.yaml") }, p.ConfigFiles);
    }

    [Fact]
    public void Load_BuildNetworksDependsOnHealthcheckAndTheRest()
    {
        Write("web.env", "FROM_FILE=from-file\nOVERRIDDEN=from-file\n");
        var p = Load("""
            name: Shop_1
            services:
              web:
                build:
                  context: ./app
                  dockerfile: Dockerfile.dev
                  args: { VERSION: "1.0", FROM_ENV: null }
                  target: prod
                networks:
                  front:
                    aliases: [www, shop]
                  back:
                  outside:
                volumes: [ext:/ext, named:/named]
                depends_on:
                  db:
                    condition: service_healthy
                    restart: true
                  cache:
                    condition: service_started
                    required: false
                restart: on-failure:3
                labels: { com.example.tier: web }
                hostname: web1
                working_dir: /app
                user: "1000:1000"
                dns: 10.0.0.2
                extra_hosts: ["a.local:10.0.0.1", "b.local=10.0.0.2"]
                deploy: { replicas: 2 }
                env_file: [web.env]
                environment: { OVERRIDDEN: from-environment }
              db:
                image: postgres
                build: ./db
                networks: [back]
                healthcheck:
                  test: pg_isready
                  interval: 1m30s
                  timeout: 10s
                  retries: 3
                  start_period: 500ms
                labels: ["a=1", "b"]
                scale: 1
                container_name: shop-db
                extra_hosts: { c.local: 10.0.0.3 }
              cache:
                image: redis
                profiles: [debug]
                healthcheck: { disable: true }
            networks:
              front:
                driver: bridge
                labels: [x=y]
                ipam: { config: [{ subnet: 172.28.0.0/16 }] }
              back:
                internal: true
              outside:
                external: true
                name: real-outside
              unused: {}
            volumes:
              ext: { external: true }
              named: { name: exact-name, driver: local, labels: { k: v } }
              unused: {}
            """, new() { ["FROM_ENV"] = "env-value" }, projectName: null);
        Assert.Equal("shop_1", p.Name);
        var web = Service(p, "web");
        Assert.Equal(Path.Combine(_root, "app"), web.Build!.Context);
        Assert.Equal("Dockerfile.dev", web.Build.Dockerfile);
        Assert.Equal("1.0", web.Build.Args["VERSION"]);
        Assert.Equal("env-value", web.Build.Args["FROM_ENV"]);
        Assert.Equal("prod", web.Build.Target);
        Assert.Equal(new[] { "www", "shop" }, web.Networks["front"].Aliases);
        Assert.Empty(web.Networks["back"].Aliases);
        Assert.Equal("service_healthy", web.DependsOn["db"].Condition);
        Assert.True(web.DependsOn["db"].Restart);
        Assert.False(web.DependsOn.ContainsKey("cache"));
        Assert.Contains(p.Warnings, w => w.Contains("\"cache\" is not required"));
        Assert.Equal("on-failure:3", web.Restart);
        Assert.Equal("web", web.Labels["com.example.tier"]);
        Assert.Equal("web1", web.Hostname);
        Assert.Equal("/app", web.WorkingDir);
        Assert.Equal("1000:1000", web.User);
        Assert.Equal(new[] { "10.0.0.2" }, web.Dns);
        Assert.Equal(new[] { "a.local:10.0.0.1", "b.local:10.0.0.2" }, web.ExtraHosts);
        Assert.Equal(2, web.Replicas);
        Assert.Equal("from-file", web.Environment["FROM_FILE"]);
        Assert.Equal("from-environment", web.Environment["OVERRIDDEN"]);

        var db = Service(p, "db");
        Assert.Equal(Path.Combine(_root, "db"), db.Build!.Context);
        Assert.Equal("Dockerfile", db.Build.Dockerfile);
        Assert.Equal(new[] { "CMD-SHELL", "pg_isready" }, db.Healthcheck!.Test);
        Assert.Equal(TimeSpan.FromSeconds(90), db.Healthcheck.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), db.Healthcheck.Timeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), db.Healthcheck.StartPeriod);
        Assert.Equal(3, db.Healthcheck.Retries);
        Assert.Equal("", db.Labels["b"]);
        Assert.Equal(new[] { "c.local:10.0.0.3" }, db.ExtraHosts);
        Assert.Equal("shop-db", db.ContainerName);

        var cache = Assert.Single(p.DisabledServices);
        Assert.Equal("cache", cache.Name);
        Assert.True(cache.Healthcheck!.Disable);
        Assert.Equal(new[] { "NONE" }, cache.Healthcheck.Test);

        var front = p.Networks.Single(n => n.Key == "front");
        Assert.Equal("shop_1_front", front.Name);
        Assert.Equal("bridge", front.Driver);
        Assert.Equal(new[] { "172.28.0.0/16" }, front.Subnets);
        Assert.Equal("y", front.Labels["x"]);
        Assert.True(p.Networks.Single(n => n.Key == "back").Internal);
        var outside = p.Networks.Single(n => n.Key == "outside");
        Assert.True(outside.External);
        Assert.Equal("real-outside", outside.Name);
        Assert.DoesNotContain(p.Networks, n => n.Key == "default");
        Assert.Equal("ext", p.Volumes.Single(v => v.Key == "ext").Name);
        var named = p.Volumes.Single(v => v.Key == "named");
        Assert.Equal("exact-name", named.Name);
        Assert.Equal("local", named.Driver);
        Assert.Equal("v", named.Labels["k"]);
        Assert.DoesNotContain(p.Networks, n => n.Key == "unused");
        Assert.DoesNotContain(p.Volumes, v => v.Key == "unused");
    }

    [Fact]
    public void Load_EnvFile_RelativeToTheProject_EnvironmentWins()
    {
        Write("conf/web.env", "FROM_FILE=from-file\nOVERRIDDEN=from-file\n");
        var p = Load("""
            services:
              web:
                image: x
                env_file: conf/web.env
                environment: { OVERRIDDEN: from-environment }
            """);
        Assert.Equal("from-file", Service(p, "web").Environment["FROM_FILE"]);
        Assert.Equal("from-environment", Service(p, "web").Environment["OVERRIDDEN"]);
    }

    [Fact]
    public void Load_MissingEnvFile_IsAnError_UnlessNotRequired()
    {
        var e = Fails("services:\n  web:\n    image: x\n    env_file: missing.env\n");
        Assert.Equal("ComposeEnvFileNotFound", e.ErrorId);
        Assert.Equal(4, e.Line);
        var p = Load("services:\n  web:\n    image: x\n    env_file:\n      - path: missing.env\n        required: false\n");
        Assert.Empty(Service(p, "web").Environment);
    }

    [Fact]
    public void Load_Interpolation_ProcessEnvironmentWinsOverDotEnv_KeysUntouched()
    {
        Write(".env", "TAG=from-dotenv\nPORT=8080\nexport NAME_PART='lit$eral'\n");
        var p = Load("""
            services:
              web:
                image: "busybox:${TAG}"
                ports: ["${PORT}:80"]
                environment:
                  $${KEY}: "$$literal ${NAME_PART} ${UNSET:-dflt} ${COMPOSE_PROJECT_NAME}"
            """, new() { ["TAG"] = "from-process" });
        var web = Service(p, "web");
        Assert.Equal("busybox:from-process", web.Image);
        Assert.Equal("8080", web.Ports.Single().Published);
        Assert.Equal("$literal lit$eral dflt myapp", web.Environment["$${KEY}"]);
    }

    [Fact]
    public void Load_MissingRequiredVariable_NamesVariableFileLineColumnAndMessage()
    {
        var e = Fails("services:\n  web:\n    image: ${IMAGE:?set IMAGE to the image to run}\n");
        Assert.Equal("ComposeVariableRequired", e.ErrorId);
        Assert.Equal(3, e.Line);
        Assert.Equal(12, e.Column);
        Assert.Equal(Path.Combine(_root, "compose.yaml"), e.File);
        Assert.Equal($"{Path.Combine(_root, "compose.yaml")}:3:12: error while interpolating services.web.image: required variable IMAGE is missing a value: set IMAGE to the image to run", e.Message);
    }

    [Fact]
    public void Load_BadYaml_NamesLineAndColumn()
    {
        var e = Fails("services:\n  web:\n    image: x\n   ports: [\n");
        Assert.Equal("ComposeYamlInvalid", e.ErrorId);
        Assert.Equal(4, e.Line);
        Assert.True(e.Column > 0);
        Assert.StartsWith(Path.Combine(_root, "compose.yaml") + ":4:", e.Message);
    }

    [Fact]
    public void Load_NestedAliases_StopAtComposesNodeLimit()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 8; i++)
        {
            yaml += $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n";
        }

        var e = Fails("x-bomb:\n  " + yaml.Replace("\n", "\n  ").TrimEnd() + "\nservices: {}\n");
        Assert.Equal("ComposeYamlInvalid", e.ErrorId);
        Assert.Contains("maximum node visit limit", e.Reason);
    }

    [Fact]
    public void Load_DuplicateKey_IsComposeYamlInvalid()
    {
        var e = Fails("services:\n  web:\n    image: x\n    image: y\n");
        Assert.Equal("ComposeYamlInvalid", e.ErrorId);
        Assert.Equal(4, e.Line);
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: x\n    imagee: y\n", "services.web Additional property imagee is not allowed", 4, 5)]
    [InlineData("servics:\n  web:\n    image: x\n", "(root) Additional property servics is not allowed", 1, 1)]
    [InlineData("services:\n  web:\n    image: x\n    build: { context: ., dockerfle: D }\n", "services.web.build Additional property dockerfle is not allowed", 4, 26)]
    public void Load_UnknownKey_IsComposeKeyUnknown(string yaml, string message, int line, int column)
    {
        var e = Fails(yaml);
        Assert.Equal("ComposeKeyUnknown", e.ErrorId);
        Assert.Equal(message, e.Reason);
        Assert.Equal((line, column), (e.Line, e.Column));
    }

    [Theory]
    [InlineData("services:\n  my web:\n    image: x\n", "services Additional property my web is not allowed", 2)]
    [InlineData("services:\n  web:\n    image: x\n    env_file: [{ path: a.env, x-note: 1 }]\n", "services.web.env_file Additional property x-note is not allowed", 4)]
    public void Load_KeyTheSpecForbids_IsComposeKeyUnknown(string yaml, string message, int line)
    {
        var e = Fails(yaml);
        Assert.Equal("ComposeKeyUnknown", e.ErrorId);
        Assert.StartsWith(message, e.Reason);
        Assert.Equal(line, e.Line);
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: x\n    cap_add: [NET_ADMIN]\n", "cap_add")]
    [InlineData("services:\n  web:\n    image: x\n    logging: { driver: none }\n", "logging")]
    [InlineData("services:\n  web:\n    image: x\nsecrets:\n  s: { file: ./s }\n", "secrets")]
    [InlineData("services:\n  web:\n    image: x\n    healthcheck: { start_interval: 1s }\n", "start_interval")]
    public void Load_SpecKeyNotSupported_IsComposeKeyUnsupported(string yaml, string key)
    {
        var e = Fails(yaml);
        Assert.Equal("ComposeKeyUnsupported", e.ErrorId);
        Assert.Contains($"'{key}'", e.Reason);
    }

    [Fact]
    public void Load_ExtensionsAndVersion_AcceptedAndIgnored_VersionWarns()
    {
        var p = Load("""
            version: "3.8"
            x-common: &common
              image: busybox
            services:
              web:
                <<: *common
                x-note: ignored
            networks:
              n:
                x-anything: 1
            """);
        Assert.Equal("busybox", Service(p, "web").Image);
        Assert.Contains(p.Warnings, w => w.Contains("the attribute `version` is obsolete"));
    }

    [Theory]
    [InlineData("services:\n  web:\n    image: x\n    ports: { a: 1 }\n", "services.web.ports must be a list")]
    [InlineData("services:\n  web:\n    image: [x]\n", "services.web.image must be a string")]
    [InlineData("services:\n  web:\n    image: x\n    deploy: { replicas: many }\n", "services.web.deploy.replicas must be a non-negative integer")]
    [InlineData("services:\n  web:\n    image: x\n    ports: [\"99999:80\"]\n", "not a valid port mapping")]
    [InlineData("services:\n  web:\n    image: x\n    restart: sometimes\n", "invalid restart policy")]
    [InlineData("services:\n  web:\n    image: x\n    healthcheck: { interval: soon }\n", "is not a duration")]
    [InlineData("services:\n  web:\n    image: x\n    scale: 2\n    deploy: { replicas: 3 }\n", "can't set distinct values on 'scale' and 'deploy.replicas': 2 != 3")]
    [InlineData("services:\n  web:\n    image: x\n    container_name: w\n    deploy: { replicas: 2 }\n", "services.deploy.replicas: can't set container_name and web as container name must be unique")]
    [InlineData("services:\n  web:\n    image: x\n    tmpfs: /data\n    volumes: [/data]\n", "services.web.volumes[0]: target /data already mounted as services.web.tmpfs[0]")]
    public void Load_WrongType_IsComposeValueInvalid(string yaml, string message)
    {
        var e = Fails(yaml);
        Assert.Equal("ComposeValueInvalid", e.ErrorId);
        Assert.Contains(message, e.Reason);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Load_DependencyCycle_NamesTheCycle()
    {
        var e = Fails("services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [c]\n  c:\n    image: x\n    depends_on: [a]\n");
        Assert.Equal("ComposeDependencyCycle", e.ErrorId);
        Assert.Equal("dependency cycle detected: a -> b -> c -> a", e.Reason);
    }

    [Fact]
    public void Load_DependencyOnItself_IsACycle() =>
        Assert.Equal("dependency cycle detected: a -> a", Fails("services:\n  a:\n    image: x\n    depends_on: [a]\n").Reason);

    [Theory]
    [InlineData("services:\n  web:\n    image: x\n    depends_on: [db]\n", "ComposeServiceUnknown", "service \"web\" depends on undefined service \"db\": invalid compose project", 4)]
    [InlineData("services:\n  web:\n    build: {}\n    image: x\n    networks: [front]\n", "ComposeNetworkUndefined", "service \"web\" refers to undefined network front: invalid compose project", 5)]
    [InlineData("services:\n  web:\n    image: x\n    volumes: [data:/data]\n", "ComposeVolumeUndefined", "service \"web\" refers to undefined volume data: invalid compose project", 4)]
    [InlineData("services:\n  web:\n    image: x\n    volumes: [data/sub:/data]\n", "ComposeVolumeUndefined", "service \"web\" refers to undefined volume data/sub: invalid compose project", 4)]
    [InlineData("services:\n  web:\n    restart: always\n", "ComposeServiceInvalid", "service \"web\" has neither an image nor a build context specified: invalid compose project", 2)]
    [InlineData("services:\n  web:\n    image: x\n    depends_on: [db]\n  db:\n    image: x\n    profiles: [debug]\n", "ComposeServiceDisabled", "service \"db\" is required by \"web\" but is disabled. Can be enabled by profiles [debug]", 4)]
    public void Load_InconsistentProject_FailsAsCompose(string yaml, string errorId, string message, int line)
    {
        var e = Fails(yaml);
        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(message, e.Reason);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Load_Profiles_EnableServices()
    {
        Write("compose.yaml", "services:\n  web:\n    image: x\n  debug:\n    image: x\n    profiles: [debug]\n  tools:\n    image: x\n    profiles: [tools]\n");
        Assert.Equal(new[] { "web" }, LoadFolder().Services.Select(s => s.Name));
        Assert.Equal(new[] { "web", "debug" }, LoadFolder(profiles: new[] { "debug" }).Services.Select(s => s.Name));
        Assert.Equal(new[] { "web", "tools" }, LoadFolder(new() { ["COMPOSE_PROFILES"] = "tools" }).Services.Select(s => s.Name));
        Assert.Equal(3, LoadFolder(profiles: new[] { "*" }).Services.Length);
        Assert.Equal(new[] { "web", "tools" }, LoadFolder(services: new[] { "tools" }).Services.Select(s => s.Name));
        Assert.Equal("ComposeServiceUnknown", Assert.Throws<ComposeFileException>(() => LoadFolder(services: new[] { "nope" })).ErrorId);
    }

    [Fact]
    public void Load_TwoFiles_MergedAsCompose()
    {
        Write("compose.yaml", """
            services:
              web:
                image: app:1
                command: ["a", "b"]
                environment: { A: "1", B: "1" }
                labels: [l1=1]
                ports: ["8080:80", "9090:90"]
                volumes: ["./one:/data", "/cache"]
                depends_on: [db]
                dns: [1.1.1.1]
                build: ./app
                networks: [front]
              db:
                image: postgres
            networks:
              front: {}
            """);
        Write("compose.prod.yaml", """
            services:
              web:
                image: app:2
                command: ["c"]
                environment: [B=2, C=3]
                labels: { l2: "2" }
                ports: ["8080:80", "7070:70"]
                volumes: ["./two:/data"]
                depends_on:
                  db:
                    condition: service_healthy
                dns: 8.8.8.8
                build: { dockerfile: Dockerfile.prod }
                networks:
                  front: { aliases: [w] }
            """);
        var p = LoadFolder(paths: new[] { "compose.yaml", "compose.prod.yaml" });
        var web = Service(p, "web");
        Assert.Equal("app:2", web.Image);
        Assert.Equal(new[] { "c" }, web.Command);
        Assert.Equal("1", web.Environment["A"]);
        Assert.Equal("2", web.Environment["B"]);
        Assert.Equal("3", web.Environment["C"]);
        Assert.Equal(new[] { "l1", "l2" }, web.Labels.Keys);
        Assert.Equal(new[] { "8080", "9090", "7070" }, web.Ports.Select(x => x.Published));
        Assert.Equal(new[] { $"{_root}/two|/data", "|/cache" }, web.Volumes.Select(m => $"{m.Source}|{m.Target}"));
        Assert.Equal("service_healthy", web.DependsOn["db"].Condition);
        Assert.Equal(new[] { "1.1.1.1", "8.8.8.8" }, web.Dns);
        Assert.Equal(Path.Combine(_root, "app"), web.Build!.Context);
        Assert.Equal("Dockerfile.prod", web.Build.Dockerfile);
        Assert.Equal(new[] { "w" }, web.Networks["front"].Aliases);
        Assert.Equal(2, p.ConfigFiles.Length);
    }

    [Fact]
    public void Load_ResetAndOverrideTags_AsCompose()
    {
        Write("compose.yaml", "services:\n  web:\n    image: x\n    ports: [\"8080:80\"]\n    environment: { A: \"1\" }\n    dns: [1.1.1.1]\n");
        Write("override.yaml", "services:\n  web:\n    ports: !reset []\n    environment: !override { B: \"2\" }\n    dns: !reset null\n    user: !reset nobody\n");
        var web = Service(LoadFolder(paths: new[] { "compose.yaml", "override.yaml" }), "web");
        Assert.Empty(web.Ports);
        Assert.Equal(new[] { "B" }, web.Environment.Keys);
        Assert.Empty(web.Dns);
        Assert.Null(web.User);
    }

    [Fact]
    public void Load_Discovery_ComposeOrder_ParentsAndOverride()
    {
        Write("docker-compose.yml", "services:\n  old:\n    image: x\n");
        Write("compose.yml", "services:\n  yml:\n    image: x\n");
        var p = LoadFolder();
        Assert.Equal("yml", p.Services.Single().Name);
        Assert.Contains(p.Warnings, w => w.StartsWith("Found multiple config files with supported names: ") && w.Contains("compose.yml") && w.Contains("docker-compose.yml"));

        Write("compose.yaml", "services:\n  yaml:\n    image: x\n");
        Write("compose.override.yml", "services:\n  yaml:\n    image: overridden\n");
        Directory.CreateDirectory(Path.Combine(_root, "sub", "deeper"));
        var fromChild = ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = Path.Combine(_root, "sub", "deeper") });
        Assert.Equal("overridden", fromChild.Services.Single().Image);
        Assert.Equal(new[] { Path.Combine(_root, "compose.yaml"), Path.Combine(_root, "compose.override.yml") }, fromChild.ConfigFiles);
        Assert.Equal("myapp", fromChild.Name);
    }

    [Theory]
    [InlineData("compose.yaml compose.yml docker-compose.yml docker-compose.yaml", "compose.yaml")]
    [InlineData("compose.yml docker-compose.yml docker-compose.yaml", "compose.yml")]
    [InlineData("docker-compose.yaml docker-compose.yml", "docker-compose.yml")]
    [InlineData("docker-compose.yaml", "docker-compose.yaml")]
    public void Find_UsesComposeGosOrder_AndWarnsAboutTheOthers(string present, string chosen)
    {
        foreach (var name in present.Split(' '))
        {
            Write(name, "services: {}\n");
        }

        var warnings = new List<string>();
        var found = ComposeFileLocator.Find(_root, warnings);
        Assert.Equal(new[] { Path.Combine(_root, chosen) }, found);
        Assert.Equal(present.Contains(' ') ? 2 : 0, warnings.Count);
    }

    [Fact]
    public void Find_TakesTheFirstOverrideFileBesideIt()
    {
        Write("compose.yaml", "services: {}\n");
        Write("docker-compose.override.yaml", "services: {}\n");
        Write("compose.override.yaml", "services: {}\n");
        var warnings = new List<string>();
        Assert.Equal(new[] { Path.Combine(_root, "compose.yaml"), Path.Combine(_root, "compose.override.yaml") }, ComposeFileLocator.Find(_root, warnings));
        Assert.StartsWith("Found multiple override files with supported names: ", warnings[0]);
    }

    [Fact]
    public void Load_ComposeFileVariable_NamesTheFiles()
    {
        Write("a.yaml", "services:\n  web:\n    image: a\n");
        Write("b.yaml", "services:\n  web:\n    image: b\n");
        Write("compose.yaml", "services:\n  web:\n    image: ignored\n");
        var p = LoadFolder(new() { ["COMPOSE_FILE"] = "a.yaml" + Path.PathSeparator + "b.yaml" });
        Assert.Equal("b", Service(p, "web").Image);
        Assert.Equal(2, p.ConfigFiles.Length);
    }

    [Fact]
    public void Load_AFolderAsPath_TakesItsComposeFile_AndItIsTheProjectFolder()
    {
        Write("app/compose.yaml", "services:\n  web:\n    image: x\n");
        Directory.CreateDirectory(Path.Combine(_root, "empty"));

        var p = LoadFolder(paths: new[] { "app" });

        Assert.Equal(new[] { Path.Combine(_root, "app", "compose.yaml") }, p.ConfigFiles);
        Assert.Equal(Path.Combine(_root, "app"), p.WorkingDirectory);
        Assert.Equal("app", p.Name);
        var e = Assert.Throws<ComposeFileException>(() => ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = "/", Paths = new[] { Path.Combine(_root, "empty") } }));
        Assert.Equal("ComposeFileNotFound", e.ErrorId);
        Assert.Contains("is a folder with no compose file", e.Reason);
    }

    [Fact]
    public void Load_StopGracePeriodAndSignal()
    {
        var web = Service(Load("services:\n  web:\n    image: x\n    stop_grace_period: 1m30s\n    stop_signal: SIGINT\n"), "web");
        Assert.Equal(TimeSpan.FromSeconds(90), web.StopGracePeriod);
        Assert.Equal("SIGINT", web.StopSignal);
    }

    [Fact]
    public void Load_NoFile_IsComposeFileNotFound()
    {
        var e = Assert.Throws<ComposeFileException>(() => LoadFolder());
        Assert.Equal("ComposeFileNotFound", e.ErrorId);
        Assert.StartsWith("no configuration file provided: not found", e.Reason);
        Assert.Equal("ComposeFileNotFound", Assert.Throws<ComposeFileException>(() => LoadFolder(paths: new[] { "nope.yaml" })).ErrorId);
    }

    [Theory]
    [InlineData("My App", "myapp")]
    [InlineData("__Hello.World-1", "helloworld-1")]
    [InlineData("-_x", "x")]
    [InlineData("ÄBC", "bc")]
    [InlineData("a_b-c", "a_b-c")]
    public void NormalizeProjectName_AsComposeGo(string name, string expected) =>
        Assert.Equal(expected, ComposeLoader.NormalizeProjectName(name));

    [Fact]
    public void Load_ProjectName_ExplicitThenEnvironmentThenFileThenFolder()
    {
        Write("compose.yaml", "name: From-File\nservices:\n  web:\n    image: x\n");
        Assert.Equal("explicit", LoadFolder(projectName: "explicit").Name);
        Assert.Equal("from-env", LoadFolder(new() { ["COMPOSE_PROJECT_NAME"] = "from-env" }).Name);
        Assert.Equal("from-file", LoadFolder().Name);
        var e = Assert.Throws<ComposeFileException>(() => LoadFolder(projectName: "Bad Name"));
        Assert.Equal("ComposeProjectNameInvalid", e.ErrorId);
        Assert.Equal("invalid project name \"Bad Name\": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number", e.Message);
        Assert.Equal("ComposeProjectNameInvalid", Assert.Throws<ComposeFileException>(() => LoadFolder(new() { ["COMPOSE_PROJECT_NAME"] = "-x" })).ErrorId);
    }

    [Fact]
    public void Load_ProjectNameFromFile_IsInterpolated()
    {
        Write(".env", "STAGE=Prod\n");
        Write("compose.yaml", "name: shop-${STAGE}\nservices:\n  web:\n    image: x\n");
        Assert.Equal("shop-prod", LoadFolder().Name);
    }
}
