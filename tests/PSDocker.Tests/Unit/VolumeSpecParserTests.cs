using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class VolumeSpecParserTests
{
    [Theory]
    [InlineData("/data", VolumeSpecKind.Anonymous, null, "/data", "", false)]
    [InlineData("cache:/data", VolumeSpecKind.Named, "cache", "/data", "", false)]
    [InlineData("my_vol.1-x:/data:ro", VolumeSpecKind.Named, "my_vol.1-x", "/data", "ro", true)]
    [InlineData("/srv/www:/usr/share/www", VolumeSpecKind.Bind, "/srv/www", "/usr/share/www", "", false)]
    [InlineData("/srv/www:/www:ro", VolumeSpecKind.Bind, "/srv/www", "/www", "ro", true)]
    [InlineData("/srv/www:/www:rw", VolumeSpecKind.Bind, "/srv/www", "/www", "rw", false)]
    [InlineData("/srv:/srv:ro,z", VolumeSpecKind.Bind, "/srv", "/srv", "ro,z", true)]
    [InlineData("/srv:/srv:rshared", VolumeSpecKind.Bind, "/srv", "/srv", "rshared", false)]
    [InlineData("./data:/data", VolumeSpecKind.Bind, "./data", "/data", "", false)]
    [InlineData("../data:/data", VolumeSpecKind.Bind, "../data", "/data", "", false)]
    [InlineData("~/data:/data", VolumeSpecKind.Bind, "~/data", "/data", "", false)]
    [InlineData(@"C:\data:/data", VolumeSpecKind.Bind, @"C:\data", "/data", "", false)]
    [InlineData("C:/data:/data:ro", VolumeSpecKind.Bind, "C:/data", "/data", "ro", true)]
    [InlineData("data/sub:/data", VolumeSpecKind.Bind, "data/sub", "/data", "", false)]
    [InlineData(@"data\sub:/data", VolumeSpecKind.Bind, @"data\sub", "/data", "", false)]
    [InlineData(".data:/data", VolumeSpecKind.Bind, ".data", "/data", "", false)]
    public void Parse_ValidSpec(string spec, VolumeSpecKind kind, string? source, string destination, string options, bool readOnly)
    {
        var v = VolumeSpecParser.Parse(spec);
        Assert.Equal(kind, v.Kind);
        Assert.Equal(source, v.Source);
        Assert.Equal(destination, v.Destination);
        Assert.Equal(options, v.Options);
        Assert.Equal(readOnly, v.ReadOnly);
    }

    [Theory]
    [InlineData("./data:/data", true)]
    [InlineData("~/data:/data", true)]
    [InlineData("/data:/data", false)]
    [InlineData("name:/data", false)]
    [InlineData("data/sub:/data", true)]
    [InlineData(@"C:\data:/data", false)]
    public void IsRelativeBind(string spec, bool relative) => Assert.Equal(relative, VolumeSpecParser.Parse(spec).IsRelativeBind);

    [Theory]
    [InlineData("./data", "/work/here/data")]
    [InlineData("../data", "/work/data")]
    [InlineData("data/sub", "/work/here/data/sub")]
    [InlineData("~/data", "/home/me/data")]
    [InlineData("~", "/home/me")]
    [InlineData("/srv", "/srv")]
    public void ResolveHostPath_RelativeSourcesResolveAgainstTheFileSystemLocationAndHome(string source, string expected) =>
        Assert.Equal(expected, VolumeSpecParser.ResolveHostPath(source, "/work/here", "/home/me"));

    [Fact]
    public void ToBind_UsesTheResolvedSourceAndKeepsOptions() =>
        Assert.Equal("/home/me/data:/data:ro", VolumeSpecParser.Parse("./data:/data:ro").ToBind("/home/me/data"));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("data", "'data' is not absolute")]
    [InlineData("name:data", "'data' is not absolute")]
    [InlineData(":/data", "source is empty")]
    [InlineData("/a:/b:ro:x", "too many")]
    [InlineData("/a:/b:readonly", "'readonly' is not a mount option")]
    [InlineData("/a:/b:ro,rw", "both ro and rw")]
    [InlineData("bad name:/b", "neither a path nor a volume name")]
    [InlineData("_vol:/b", "neither a path nor a volume name")]
    [InlineData("/data:ro", "'ro' is not absolute")]
    [InlineData(@"C:\data", "needs a container path")]
    public void Parse_InvalidSpec_ThrowsNamingTheSpec(string spec, string reason)
    {
        var e = Assert.Throws<InvalidSpecException>(() => VolumeSpecParser.Parse(spec));
        Assert.Equal("InvalidVolume", e.ErrorId);
        Assert.Equal(spec, e.Spec);
        Assert.Contains("'" + spec + "'", e.Message);
        Assert.Contains(reason, e.Message);
    }
}
