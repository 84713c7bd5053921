using System.Diagnostics;
using System.Net;

namespace PSDocker.Tests.Infrastructure;

/// <summary>
/// A throwaway image registry on loopback (Debian's docker-registry, the CNCF distribution server) for
/// pull tests: the engine cannot reach Docker Hub, but it pulls from 127.0.0.0/8 over plain HTTP.
/// Started on a free port with storage under a temp directory; stopped and deleted on dispose.
/// <see cref="AuthenticatedLocalRegistry"/> adds htpasswd authentication.
/// </summary>
public class LocalRegistry : IDisposable
{
    private const string Binary = "/usr/bin/docker-registry";
    private readonly DirectoryInfo _root;
    private readonly Process _process;

    public LocalRegistry()
        : this(null, null)
    {
    }

    /// <summary>A registry that asks for <paramref name="user"/> and <paramref name="password"/> (htpasswd, bcrypt) when both are given.</summary>
    protected LocalRegistry(string? user, string? password)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException("The pull tests need a local registry: apt-get install -y docker-registry.");
        }

        _root = Directory.CreateTempSubdirectory("psd-registry-");
        Port = EngineChecks.FreeLoopbackPort();
        var config = Path.Combine(_root.FullName, "config.yml");
        var auth = string.Empty;
        if (user is not null && password is not null)
        {
            var htpasswd = Path.Combine(_root.FullName, "htpasswd");
            var make = new ProcessStartInfo("htpasswd") { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-Bbn", user, password })
            {
                make.ArgumentList.Add(argument);
            }

            using (var p = Process.Start(make)!)
            {
                File.WriteAllText(htpasswd, p.StandardOutput.ReadToEnd());
                p.WaitForExit();
            }

            auth = $"""

                auth:
                  htpasswd:
                    realm: psdocker-test
                    path: {htpasswd}
                """;
        }

        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(_root.FullName, "data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{Port}
            """ + auth);

        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilServing();
    }

    /// <summary>The loopback port the registry listens on.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, the registry part of image references.</summary>
    public string Address => "127.0.0.1:" + Port;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
            _root.Delete(recursive: true);
        }
    }

    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with code {_process.ExitCode} before serving.");
            }

            try
            {
                if (http.GetAsync($"http://{Address}/v2/").GetAwaiter().GetResult().StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException("docker-registry did not answer on " + Address + " within 30 s.");
    }
}

/// <summary>A <see cref="LocalRegistry"/> that asks for <see cref="User"/> and <see cref="Password"/>.</summary>
public sealed class AuthenticatedLocalRegistry : LocalRegistry
{
    public const string User = "psdocker";

    public const string Password = "Corr3ct-Horse-psd";

    public AuthenticatedLocalRegistry()
        : base(User, Password)
    {
    }
}
