using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Management.Automation;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Find-Image against a small search index on loopback (the v1 search API: /v1/_ping and /v1/search),
/// reached by the engine the way docker search reaches Docker Hub; and an index nobody answers.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class FindImageTests : IClassFixture<FindImageTests.SearchIndex>
{
    private readonly EngineFixture _f;
    private readonly SearchIndex _index;

    public FindImageTests(EngineFixture fixture, SearchIndex index)
    {
        _f = fixture;
        _index = index;
    }

    [Fact]
    public void FindImage_SearchesTheIndexTheTermNames_AndEmitsTypedResults()
    {
        var results = _f.Run($"Find-Image {_index.Address}/busybox").AssertNoErrors().Objects<ImageSearchResult>();

        Assert.Equal(new[] { "psd/busybox", "other/busybox" }, results.Select(r => r.Name));
        var first = results[0];
        Assert.Equal("test image busybox", first.Description);
        Assert.Equal(7, first.Stars);
        Assert.True(first.Official);
        Assert.False(first.Automated);
        Assert.True(results[1].Automated);
        Assert.Contains(_index.Queries, q => q.Contains("q=busybox", StringComparison.Ordinal));
    }

    [Fact]
    public void FindImage_Filters_AreAppliedLikeDockerSearch()
    {
        Assert.Equal(new[] { "psd/busybox" }, _f.Run($"Find-Image {_index.Address}/busybox -MinimumStars 5").AssertNoErrors().Objects<ImageSearchResult>().Select(r => r.Name));
        Assert.Equal(new[] { "other/busybox" }, _f.Run($"Find-Image {_index.Address}/busybox -Automated").AssertNoErrors().Objects<ImageSearchResult>().Select(r => r.Name));
        _f.Run($"Find-Image {_index.Address}/busybox -Limit 1").AssertNoErrors();
        Assert.Contains(_index.Queries, q => q.Contains("n=1&", StringComparison.Ordinal) || q.EndsWith("n=1", StringComparison.Ordinal));
    }

    [Fact]
    public void FindImage_WithCredential_SearchesTheSameIndex_AndThePasswordIsInNoStream()
    {
        const string password = "psd-search-secret-7731";
        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript($"param($Credential) Find-Image {_index.Address}/busybox -Credential $Credential -Limit 2 -MinimumStars 0 -Verbose -Debug")
            .AddParameter("Credential", new PSCredential("searcher", new NetworkCredential(string.Empty, password).SecurePassword));

        var output = ps.Invoke();

        Assert.Empty(ps.Streams.Error);
        Assert.Equal(new[] { "psd/busybox", "other/busybox" }, output.Select(o => ((ImageSearchResult)o.BaseObject).Name));
        Assert.Contains(_index.Queries, q => q.Contains("n=2", StringComparison.Ordinal));
        var everything = string.Join("\n", output.Select(o => o.ToString()))
            + string.Join("\n", ps.Streams.Verbose.Select(v => v.Message))
            + string.Join("\n", ps.Streams.Debug.Select(d => d.Message))
            + string.Join("\n", ps.Streams.Warning.Select(w => w.Message))
            + string.Join("\n", ps.Streams.Information.Select(i => i.MessageData));
        Assert.DoesNotContain(password, everything);
    }

    [Fact]
    public void FindImage_UnreachableIndex_IsOneImageSearchFailedNamingTheTerm_Quickly()
    {
        var term = $"127.0.0.1:{EngineChecks.FreeLoopbackPort()}/busybox";
        var clock = Stopwatch.StartNew();

        var result = _f.Run($"Find-Image {term}");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ImageSearchFailed,PSDocker.Commands.FindImageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Equal(term, error.TargetObject);
        Assert.Contains($"Unable to search for '{term}'", error.Exception.Message);
        Assert.Empty(result.Output);
    }

    /// <summary>A v1 search index on loopback that answers every query with two repositories.</summary>
    public sealed class SearchIndex : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public SearchIndex()
        {
            Port = EngineChecks.FreeLoopbackPort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public int Port { get; }

        public string Address => "127.0.0.1:" + Port;

        public System.Collections.Concurrent.ConcurrentQueue<string> Queries { get; } = new();

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                string body;
                if (path == "/v1/_ping")
                {
                    body = "true";
                }
                else if (path == "/v1/search")
                {
                    Queries.Enqueue(context.Request.Url.Query);
                    var q = context.Request.QueryString["q"] ?? string.Empty;
                    body = JsonSerializer.Serialize(new
                    {
                        num_results = 2,
                        query = q,
                        results = new object[]
                        {
                            new { name = "psd/" + q, description = "test image " + q, star_count = 7, is_official = true, is_automated = false },
                            new { name = "other/" + q, description = "another", star_count = 1, is_official = false, is_automated = true },
                        },
                    });
                }
                else
                {
                    context.Response.StatusCode = 404;
                    context.Response.Close();
                    continue;
                }

                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                context.Response.AddHeader("X-Docker-Registry-Version", "0.6.0");
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
