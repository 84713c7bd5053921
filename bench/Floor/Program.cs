// The benchmark's floor: a long-lived process (warm, like the pwsh that runs PSDocker) that reads one
// command per line on stdin, makes the engine API calls of that scenario directly with Docker.DotNet,
// at the concurrency it is told, and answers one line: "ok <milliseconds> <json>" or "err <message>".
// Only the work between the two clock readings is timed; setup commands (create, start) are untimed
// helpers of the harness.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

var host = Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
if (host.Contains("/var/run/docker.sock", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("PSD_BENCH_ALLOW_SHARED") != "1")
{
    Console.Error.WriteLine("Floor: refusing the shared engine at /var/run/docker.sock; set DOCKER_HOST to the benchmark's private engine.");
    return 2;
}

if (args.Length > 0 && args[0] == "--first-list")
{
    // The floor of "the first Get-Container in a fresh pwsh": in this fresh process, the same calls
    // PSDocker makes the first time (GET /_ping to negotiate, GET /containers/json), timed from the
    // client's creation to the listing's end, as the cmdlet's time is taken from its start. Prints ms.
    var first = Stopwatch.StartNew();
    using var coldClient = new DockerClientBuilder().WithEndpoint(new Uri(host)).WithTimeout(Timeout.InfiniteTimeSpan).Build();
    await coldClient.System.PingAsync();
    var listed = await coldClient.Containers.ListContainersAsync(new ContainersListParameters { All = true });
    first.Stop();
    Console.WriteLine(first.Elapsed.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture) + " " + listed.Count.ToString(CultureInfo.InvariantCulture));
    return 0;
}

// The engine alone: GET /containers/json over one kept-alive unix-socket connection with .NET's own
// HTTP client and no deserialization: what the engine's answer costs, for the notes (not a contender).
HttpClient? raw = null;
if (host.StartsWith("unix://", StringComparison.Ordinal))
{
    var socketPath = new Uri(host).LocalPath;
    raw = new HttpClient(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancel) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            await socket.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socketPath), cancel);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = new Uri("http://docker") };
}

// The API version is asked once, as PSDocker negotiates it once per process (GET /_ping).
IDockerClient client = new DockerClientBuilder().WithEndpoint(new Uri(host)).WithTimeout(Timeout.InfiniteTimeSpan).Build();
var version = await client.System.GetVersionAsync();
client.Dispose();
client = new DockerClientBuilder()
    .WithEndpoint(new Uri(host))
    .WithApiVersion(System.Version.Parse(version.APIVersion))
    .WithTimeout(Timeout.InfiniteTimeSpan)
    .Build();

var stdout = Console.Out;
string? line;
while ((line = Console.In.ReadLine()) is not null)
{
    var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (words.Length == 0)
    {
        continue;
    }

    try
    {
        var (ms, extra) = await Run(words);
        stdout.WriteLine("ok " + ms.ToString("0.000", CultureInfo.InvariantCulture) + " " + JsonSerializer.Serialize(extra));
    }
    catch (Exception e)
    {
        stdout.WriteLine("err " + e.GetBaseException().Message.Replace('\n', ' '));
    }

    stdout.Flush();
    if (words[0] == "quit")
    {
        break;
    }
}

return 0;

async Task<(double Ms, Dictionary<string, object> Extra)> Run(string[] a)
{
    var extra = new Dictionary<string, object>();
    var sw = new Stopwatch();
    switch (a[0])
    {
        case "quit":
            return (0, extra);

        case "version":
            extra["engine"] = version.Version;
            extra["api"] = version.APIVersion;
            extra["os"] = version.Os + "/" + version.Arch;
            extra["kernel"] = version.KernelVersion ?? string.Empty;
            return (0, extra);

        case "list":
        {
            // docker ps -a / Get-Container: GET /containers/json?all=1
            sw.Start();
            var list = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true });
            sw.Stop();
            extra["count"] = list.Count;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "list-raw":
        {
            if (raw is null)
            {
                throw new InvalidOperationException("list-raw needs a unix:// DOCKER_HOST.");
            }

            sw.Start();
            var bytes = await raw.GetByteArrayAsync("/v" + version.APIVersion + "/containers/json?all=1");
            sw.Stop();
            extra["bytes"] = bytes.Length;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "rm":
        case "stop":
        {
            // rm|stop IDSFILE CONCURRENCY: DELETE /containers/{id} or POST /containers/{id}/stop per id,
            // at most CONCURRENCY in flight.
            var ids = File.ReadAllLines(a[1]).Where(l => l.Length > 0).ToArray();
            var concurrency = int.Parse(a[2], CultureInfo.InvariantCulture);
            sw.Start();
            await ForEach(ids, concurrency, id => a[0] == "rm"
                ? client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters())
                : client.Containers.StopContainerAsync(id, new ContainerStopParameters()));
            sw.Stop();
            extra["count"] = ids.Length;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "run":
        {
            // run IMAGE LABEL: docker run --rm IMAGE echo hello: create, attach, start, read the output,
            // wait for the exit, remove.
            sw.Start();
            var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = a[1],
                Cmd = new[] { "echo", "hello" },
                AttachStdout = true,
                AttachStderr = true,
                Labels = Label(a[2]),
            });
            using (var stream = await client.Containers.AttachContainerAsync(created.ID, new ContainerAttachParameters { Stream = true, Stdout = true, Stderr = true }))
            {
                await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
                extra["bytes"] = await Drain(stream);
            }

            var exit = await client.Containers.WaitContainerAsync(created.ID);
            await client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters());
            sw.Stop();
            extra["exit"] = exit.StatusCode;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "exec":
        {
            // exec CONTAINER: docker exec CONTAINER true: create the exec, start it attached, read its
            // output to the end, inspect it for the exit code.
            sw.Start();
            var exec = await client.Exec.CreateContainerExecAsync(a[1], new ContainerExecCreateParameters { Cmd = new[] { "true" }, AttachStdout = true, AttachStderr = true });
            using (var stream = await client.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters()))
            {
                await Drain(stream);
            }

            var inspected = await client.Exec.InspectContainerExecAsync(exec.ID);
            sw.Stop();
            extra["exit"] = inspected.ExitCode ?? -1;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "logs":
        {
            // logs CONTAINER: docker logs CONTAINER: GET /containers/{id}/logs?stdout=1&stderr=1, read to
            // the end, lines counted; the growth of the process's peak resident memory while reading.
            var before = Memory.ResetPeak();
            sw.Start();
            using (var stream = await client.Containers.GetContainerLogsAsync(a[1], new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }))
            {
                var buffer = new byte[16384];
                long bytes = 0, lines = 0;
                while (true)
                {
                    var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
                    if (read.EOF)
                    {
                        break;
                    }

                    bytes += read.Count;
                    lines += buffer.AsSpan(0, read.Count).Count((byte)'\n');
                }

                extra["bytes"] = bytes;
                extra["lines"] = lines;
            }

            sw.Stop();
            extra["peakGrowthBytes"] = Math.Max(0, Memory.Peak() - before);
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "save":
        {
            // save IMAGE FILE: docker save -o FILE IMAGE: GET /images/{name}/get streamed to a file.
            var before = Memory.ResetPeak();
            sw.Start();
            await using (var archive = await client.Images.SaveImageAsync(a[1]))
            await using (var file = File.Create(a[2]))
            {
                await archive.CopyToAsync(file, 81920);
            }

            sw.Stop();
            extra["bytes"] = new FileInfo(a[2]).Length;
            extra["peakGrowthBytes"] = Math.Max(0, Memory.Peak() - before);
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "load":
        {
            // load FILE: docker load -i FILE: POST /images/load with the file as the body.
            var before = Memory.ResetPeak();
            sw.Start();
            await using (var file = File.OpenRead(a[1]))
            {
                await client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, file, new Progress<JSONMessage>());
            }

            sw.Stop();
            extra["peakGrowthBytes"] = Math.Max(0, Memory.Peak() - before);
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "pull":
        case "push":
        {
            // pull|push REPOSITORY TAG: docker pull / docker push of REPOSITORY:TAG (a local registry).
            sw.Start();
            if (a[0] == "pull")
            {
                await client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = a[1], Tag = a[2] }, new AuthConfig(), new Progress<JSONMessage>());
            }
            else
            {
                await client.Images.PushImageAsync(a[1], new ImagePushParameters { Tag = a[2] }, new AuthConfig(), new Progress<JSONMessage>());
            }

            sw.Stop();
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        case "create":
        {
            // create N IMAGE LABEL START OUTFILE [CMD...]: setup, untimed: N containers labelled
            // psdocker.bench=LABEL (named LABEL-i), started when START is 1; their ids written to OUTFILE.
            var n = int.Parse(a[1], CultureInfo.InvariantCulture);
            var start = a[4] == "1";
            var cmd = a.Length > 6 ? Decode(a[6..]) : null;
            var ids = new string[n];
            var prefix = a[3] + "-" + Guid.NewGuid().ToString("N")[..6] + "-";
            sw.Start();
            await ForEach(Enumerable.Range(0, n).ToArray(), 10, async i =>
            {
                var created = await client.Containers.CreateContainerAsync(new CreateContainerParameters
                {
                    Image = a[2],
                    Name = prefix + i.ToString(CultureInfo.InvariantCulture),
                    Cmd = cmd!,
                    Labels = Label(a[3]),
                });
                ids[i] = created.ID;
                if (start)
                {
                    await client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
                }
            });
            sw.Stop();
            File.WriteAllLines(a[5], ids);
            extra["count"] = n;
            return (sw.Elapsed.TotalMilliseconds, extra);
        }

        default:
            throw new ArgumentException("unknown command " + a[0]);
    }
}

// Arguments of a command line are passed base64-encoded (UTF-8), so they may hold spaces.
static string[] Decode(string[] encoded) => encoded.Select(e => Encoding.UTF8.GetString(Convert.FromBase64String(e))).ToArray();

static Dictionary<string, string> Label(string run) => new() { ["psdocker.bench"] = run };

static async Task<long> Drain(MultiplexedStream stream)
{
    var buffer = new byte[16384];
    long total = 0;
    while (true)
    {
        var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, CancellationToken.None);
        if (read.EOF)
        {
            return total;
        }

        total += read.Count;
    }
}

static async Task ForEach<T>(T[] items, int concurrency, Func<T, Task> action)
{
    using var gate = new SemaphoreSlim(concurrency);
    var tasks = items.Select(async item =>
    {
        await gate.WaitAsync();
        try
        {
            await action(item);
        }
        finally
        {
            gate.Release();
        }
    }).ToArray();
    await Task.WhenAll(tasks);
}

/// <summary>The process's resident memory on Linux: its peak (VmHWM) can be reset through /proc/self/clear_refs.</summary>
internal static class Memory
{
    /// <summary>Resets the peak to the current resident size (as root); returns the current resident size.</summary>
    public static long ResetPeak()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception)
        {
            // Not root or not Linux: the peak is the process's lifetime peak.
        }

        return Read("VmRSS:");
    }

    /// <summary>The peak resident size since the last reset.</summary>
    public static long Peak() => Read("VmHWM:");

    private static long Read(string field)
    {
        foreach (var l in File.ReadLines("/proc/self/status"))
        {
            if (l.StartsWith(field, StringComparison.Ordinal))
            {
                var kb = l[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
