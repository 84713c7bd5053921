using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>
/// The build context's tar as the docker CLI makes it: .dockerignore applied with its exceptions, the
/// Dockerfile and .dockerignore always sent, modes, times and links kept, a Dockerfile from outside
/// added under a generated name that the sent .dockerignore lists.
/// </summary>
public sealed class BuildContextTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "psd-ctx-" + Guid.NewGuid().ToString("N"));

    public BuildContextTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void WriteTar_IgnoresWhatDockerignoreSays_KeepsExceptionsDockerfileAndIgnoreFile()
    {
        Write("Dockerfile", "FROM scratch\n");
        Write(".dockerignore", "# comment\n\nsecret.txt\n**/*.log\nsub\n!sub/keep.txt\nDockerfile\n.dockerignore\nnode_modules/\n  trailing.txt   \n");
        Write("secret.txt", "s");
        Write("a.txt", "a");
        Write("trailing.txt", "t");
        Write("deep/x.log", "l");
        Write("deep/y.txt", "y");
        Write("sub/drop.txt", "d");
        Write("sub/keep.txt", "k");
        Write("node_modules/m/index.js", "m");

        var entries = Entries(BuildContext.Prepare(_root, null));

        Assert.Equal(new[] { ".dockerignore", "Dockerfile", "a.txt", "deep/", "deep/y.txt", "sub/keep.txt" }, entries.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void WriteTar_ExcludedFolderWithoutExceptions_IsSkippedWhole()
    {
        Write("Dockerfile", "FROM scratch\n");
        Write(".dockerignore", "sub\n!other\n");
        Write("sub/a/b.txt", "b");

        var entries = Entries(BuildContext.Prepare(_root, null));

        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("sub", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteTar_DockerfileInIgnoredFolder_IsStillSent()
    {
        Write("build/Dockerfile", "FROM scratch\n");
        Write("build/other.txt", "o");
        Write(".dockerignore", "build\n");

        var context = BuildContext.Prepare(_root, Path.Combine(_root, "build", "Dockerfile"));
        var entries = Entries(context);

        Assert.Equal("build/Dockerfile", context.DockerfileName);
        Assert.Contains("build/Dockerfile", entries.Keys);
        Assert.DoesNotContain("build/other.txt", entries.Keys);
    }

    [Fact]
    public void WriteTar_KeepsModesTimesAndLinks_OwnedByRoot()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix modes there: docker sends 0755
        }

        Write("Dockerfile", "FROM scratch\n");
        Write("run.sh", "#!/bin/sh\n");
        var script = Path.Combine(_root, "run.sh");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var time = new DateTime(2020, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(script, time);
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "run.sh");

        var entries = Entries(BuildContext.Prepare(_root, null));

        var run = entries["run.sh"];
        Assert.Equal(Convert.ToInt32("750", 8), run.TarHeader.Mode);
        Assert.Equal(time, DateTime.SpecifyKind(run.ModTime, DateTimeKind.Utc));
        Assert.Equal(0, run.TarHeader.UserId);
        Assert.Equal(0, run.TarHeader.GroupId);
        Assert.Equal(TarHeader.LF_SYMLINK, entries["link"].TarHeader.TypeFlag);
        Assert.Equal("run.sh", entries["link"].TarHeader.LinkName);
    }

    [Fact]
    public void WriteTar_DockerfileOutside_AddedUnderGeneratedNameListedInDockerignore()
    {
        Write("ctx/a.txt", "a");
        Write("ctx/.dockerignore", "b.txt");
        Write("elsewhere/App.Dockerfile", "FROM scratch\nCOPY a.txt /\n");

        var context = BuildContext.Prepare(Path.Combine(_root, "ctx"), Path.Combine(_root, "elsewhere", "App.Dockerfile"));
        var contents = new Dictionary<string, string>();
        var entries = Entries(context, contents);

        Assert.Matches("^\\.dockerfile\\.[0-9a-f]{20}$", context.DockerfileName);
        Assert.Equal("FROM scratch\nCOPY a.txt /\n", contents[context.DockerfileName]);
        Assert.Equal("b.txt\n" + context.DockerfileName + "\n", contents[".dockerignore"]);
        Assert.Contains("a.txt", entries.Keys);
    }

    [Fact]
    public void WriteTar_DockerfileOutside_NoDockerignore_OneIsMade()
    {
        Write("ctx/a.txt", "a");
        Write("Dockerfile.other", "FROM scratch\n");

        var context = BuildContext.Prepare(Path.Combine(_root, "ctx"), Path.Combine(_root, "Dockerfile.other"));
        var contents = new Dictionary<string, string>();
        Entries(context, contents);

        Assert.Equal(".dockerignore\n" + context.DockerfileName + "\n", contents[".dockerignore"]);
    }

    [Fact]
    public void Prepare_LowercaseDockerfile_IsTheDefault()
    {
        Write("dockerfile", "FROM scratch\n");
        Assert.Equal("dockerfile", BuildContext.Prepare(_root, null).DockerfileName);
    }

    [Fact]
    public void Prepare_MissingFolderDockerfileOrBadPattern_NamedErrors()
    {
        Assert.Equal("ContextNotFound", Assert.Throws<EngineException>(() => BuildContext.Prepare(Path.Combine(_root, "none"), null)).ErrorId);
        Assert.Equal("DockerfileNotFound", Assert.Throws<EngineException>(() => BuildContext.Prepare(_root, null)).ErrorId);
        Write("Dockerfile", "FROM scratch\n");
        Write(".dockerignore", "[\n");
        Assert.Equal("DockerIgnoreInvalid", Assert.Throws<EngineException>(() => BuildContext.Prepare(_root, null)).ErrorId);
    }

    [Fact]
    public void ContextUploadStream_ProducesWhileRead_AndStopsWhenDisposed()
    {
        var produced = 0L;
        var stream = new ContextUploadStream(
            (output, token) =>
            {
                var chunk = new byte[1 << 20];
                while (true)
                {
                    output.Write(chunk, 0, chunk.Length);
                    Interlocked.Add(ref produced, chunk.Length);
                }
            },
            CancellationToken.None);
        var buffer = new byte[4096];
        Assert.Equal(4096, stream.Read(buffer, 0, buffer.Length));
        Thread.Sleep(200);

        // Bounded: the producer waits for the reader instead of filling memory.
        Assert.True(Interlocked.Read(ref produced) < 16L << 20);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        stream.Dispose();
        Assert.True(watch.ElapsedMilliseconds < 1000);
        Assert.Null(stream.ProducerFailure);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static Dictionary<string, TarEntry> Entries(BuildContext context, Dictionary<string, string>? contents = null)
    {
        using var upload = new ContextUploadStream(context.WriteTar, CancellationToken.None);
        var result = new Dictionary<string, TarEntry>(StringComparer.Ordinal);
        using var tar = new TarInputStream(upload, Encoding.UTF8);
        for (var entry = tar.GetNextEntry(); entry is not null; entry = tar.GetNextEntry())
        {
            result[entry.Name] = entry;
            if (contents is not null && !entry.IsDirectory)
            {
                using var text = new MemoryStream();
                tar.CopyEntryContents(text);
                contents[entry.Name] = Encoding.UTF8.GetString(text.ToArray());
            }
        }

        Assert.Null(upload.ProducerFailure);
        return result;
    }
}
