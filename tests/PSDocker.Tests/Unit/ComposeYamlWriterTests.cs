using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>Get-ComposeConfig -AsYaml: the resolved project as docker compose config prints it.</summary>
public sealed class ComposeYamlWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "psd-compose-yaml-" + Guid.NewGuid().ToString("N").Substring(0, 8));

    public ComposeYamlWriterTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ComposeProjectConfig Load(string file, string yaml)
    {
        File.WriteAllText(Path.Combine(_root, file), yaml);
        return ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = _root, Paths = new[] { file }, ProjectName = "demo" });
    }

    [Theory]
    [InlineData(90_000, "1m30s")]
    [InlineData(10_000, "10s")]
    [InlineData(500, "500ms")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(0, "0s")]
    public void GoDuration_WritesAsGo(long milliseconds, string expected) =>
        Assert.Equal(expected, ComposeYamlWriter.GoDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1m30s", 90_000)]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData("0", 0)]
    public void ComposeDuration_ReadsAsCompose(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, daysAndWeeks: true, out var d));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), d);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("soon")]
    [InlineData("")]
    [InlineData("5x")]
    [InlineData(".s")]
    public void ComposeDuration_RefusesWhatComposeRefuses(string text) => Assert.False(DurationParser.TryParse(text, daysAndWeeks: true, out _));

    [Fact]
    public void Write_PrintsComposeLayout()
    {
        var p = Load("compose.yaml", """
            services:
              web:
                image: nginx
                command: echo "hi there"
                environment: { A: "1", B: "true", C: plain, D: "x: y" }
                ports: ["127.0.0.1:8080:80"]
                volumes: ["./html:/html:ro", "data:/data"]
                depends_on: [db]
                healthcheck: { test: ["CMD", "true"], interval: 90s, retries: 3 }
              db:
                image: postgres
                container_name: database
                networks: { back: { aliases: [database] } }
            networks:
              back: {}
            volumes:
              data: {}
            """);
        var yaml = ComposeYamlWriter.Write(p);
        Assert.Equal($"""
            name: demo
            services:
              db:
                container_name: database
                image: postgres
                networks:
                  back:
                    aliases:
                      - database
              web:
                command:
                  - echo
                  - hi there
                depends_on:
                  db:
                    condition: service_started
                    required: true
                environment:
                  A: "1"
                  B: "true"
                  C: plain
                  D: 'x: y'
                healthcheck:
                  test:
                    - CMD
                    - "true"
                  interval: 1m30s
                  retries: 3
                image: nginx
                networks:
                  default: null
                ports:
                  - mode: ingress
                    host_ip: 127.0.0.1
                    target: 80
                    published: "8080"
                    protocol: tcp
                volumes:
                  - type: bind
                    source: {_root}/html
                    target: /html
                    read_only: true
                    bind:
                      create_host_path: true
                  - type: volume
                    source: data
                    target: /data
            networks:
              back:
                name: demo_back
              default:
                name: demo_default
            volumes:
              data:
                name: demo_data

            """.Replace("\r\n", "\n"), yaml);
    }

    [Fact]
    public void Write_IsAComposeFileThatLoadsToTheSameProject()
    {
        var p = Load("compose.yaml", """
            services:
              web:
                build: { context: ./app, args: { V: "1" }, target: prod }
                entrypoint: ["/bin/sh", "-c"]
                command: ["echo $$HOME"]
                env_file: []
                environment: [EMPTY=, "MULTI=line1\nline2"]
                ports: ["8080-8081:80-81/udp", "9000"]
                expose: ["3000"]
                tmpfs: [/run]
                dns: [10.0.0.2]
                extra_hosts: ["h:10.0.0.1"]
                restart: unless-stopped
                labels: { tier: web }
                hostname: h
                working_dir: /w
                user: nobody
                deploy: { replicas: 2 }
                profiles: [p]
                healthcheck: { disable: true }
                networks: [n, e]
                volumes: [vol:/v, xvol:/x]
            networks:
              n: { driver: bridge, internal: true, ipam: { config: [{ subnet: 10.9.0.0/24 }] }, labels: { a: b } }
              e: { external: true, name: outside }
            volumes:
              vol: { driver: local, labels: { a: b } }
              xvol: { external: true }
            """);
        p = ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = _root, Paths = new[] { "compose.yaml" }, ProjectName = "demo", Profiles = new[] { "p" } });
        var first = ComposeYamlWriter.Write(p);
        var again = Load("again.yaml", first.Replace("$", "$$"));
        again = ComposeLoader.Load(new ComposeLoadRequest { WorkingDirectory = _root, Paths = new[] { "again.yaml" }, ProjectName = "demo", Profiles = new[] { "p" } });
        Assert.Equal(first, ComposeYamlWriter.Write(again));
    }
}
