using System.Text;
using System.Text.Json;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The pure parts of the context store: config.json rewriting and the store's files.</summary>
public sealed class ContextStoreTests : IDisposable
{
    private readonly string _config = Directory.CreateTempSubdirectory("psd-ctxunit-").FullName;

    private ContextStore Store(string? dockerHost = null, string? dockerContext = null) => new ContextStore(
        _config,
        name => name switch { "DOCKER_HOST" => dockerHost, "DOCKER_CONTEXT" => dockerContext, _ => null },
        new Uri("unix:///var/run/docker.sock"));

    private static string Write(string? original, string? current) =>
        Encoding.UTF8.GetString(ContextStore.ConfigJson(original is null ? null : Encoding.UTF8.GetBytes(original), current));

    [Fact]
    public void ConfigJson_SetsCurrentContext_KeepingOtherValuesVerbatimAndInOrder()
    {
        var written = Write("""{"b":{"x":"a+b\u00e9"},"currentContext":"old","a":[1.50,2e3]}""", "new");
        using var doc = JsonDocument.Parse(written);
        Assert.Equal(new[] { "b", "currentContext", "a" }, doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("""{"x":"a+b\u00e9"}""", doc.RootElement.GetProperty("b").GetRawText());
        Assert.Equal("[1.50,2e3]", doc.RootElement.GetProperty("a").GetRawText());
        Assert.Equal("new", doc.RootElement.GetProperty("currentContext").GetString());
        Assert.Contains("\n\t\"b\": ", written);
    }

    [Fact]
    public void ConfigJson_Default_RemovesTheKey_AndAddsItWhenAbsent()
    {
        using var removed = JsonDocument.Parse(Write("""{"currentContext":"old","credsStore":"pass"}""", null));
        Assert.Equal(new[] { "credsStore" }, removed.RootElement.EnumerateObject().Select(p => p.Name));
        using var added = JsonDocument.Parse(Write("""{"credsStore":"pass"}""", "x"));
        Assert.Equal(new[] { "credsStore", "currentContext" }, added.RootElement.EnumerateObject().Select(p => p.Name));
        using var fresh = JsonDocument.Parse(Write(null, "x"));
        Assert.Equal("x", fresh.RootElement.GetProperty("currentContext").GetString());
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{not json")]
    public void ConfigJson_NotAJsonObject_ThrowsInvalidData(string original) =>
        Assert.Throws<InvalidDataException>(() => Write(original, "x"));

    [Fact]
    public void CurrentName_FollowsTheDockerCliOrder()
    {
        File.WriteAllText(Path.Combine(_config, "config.json"), """{"currentContext":"fromconfig"}""");
        Assert.Equal("fromconfig", Store().CurrentName());
        Assert.Equal("fromenv", Store(dockerContext: "fromenv").CurrentName());
        Assert.Equal("default", Store(dockerHost: "tcp://127.0.0.1:2375", dockerContext: "fromenv").CurrentName());
    }

    [Fact]
    public void Create_ThenRemove_LeavesNoFolderBehind()
    {
        var store = Store();
        var created = store.Create("unit-ctx", "d", "tcp://127.0.0.1:2375", false, null, null, null);
        Assert.Equal("d", created.Description);
        Assert.Null(created.TlsPath);
        Assert.Contains(store.List(), c => c.Name == "unit-ctx");

        store.Remove("unit-ctx");
        Assert.Empty(Directory.GetDirectories(Path.Combine(_config, "contexts", "meta")));
    }

    [Fact]
    public void List_ABrokenContext_CarriesItsError()
    {
        var dir = Path.Combine(_config, "contexts", "meta", DockerConfigStore.ContextId("broken"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "meta.json"), "{broken");
        var broken = Assert.Single(Store().List(), c => c.Error is not null);
        Assert.Contains("cannot be read", broken.Error);
    }

    [Theory]
    [InlineData("ab", true)]
    [InlineData("prod-1.eu_west+x", true)]
    [InlineData("a", false)]
    [InlineData("-ab", false)]
    [InlineData("a b", false)]
    public void NamePattern_IsDockers(string name, bool valid) => Assert.Equal(valid, ContextStore.NamePattern.IsMatch(name));

    public void Dispose() => Directory.Delete(_config, recursive: true);
}
