using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("library/busybox:1", "library/busybox", "1")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app", "latest")]
    [InlineData("127.0.0.1:5000/team/app:v2", "127.0.0.1:5000/team/app", "v2")]
    [InlineData("localhost:5000/app@sha256:abc", "localhost:5000/app", "sha256:abc")]
    [InlineData("app:v1@sha256:abc", "app", "sha256:abc")]
    [InlineData("Registry.Example:5000/team/app_1.x-y:V2", "Registry.Example:5000/team/app_1.x-y", "V2")]
    [InlineData("[::1]:5000/app", "[::1]:5000/app", "latest")]
    public void Parse_SplitsRepositoryAndTagOrDigest(string reference, string repository, string tagOrDigest)
    {
        var r = ImageReference.Parse(reference);
        Assert.Equal(repository, r.Repository);
        Assert.Equal(tagOrDigest, r.TagOrDigest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("app:")]
    [InlineData("app@sha256")]
    [InlineData("127.0.0.1:5000/")]
    [InlineData("UPPER/x")]
    [InlineData("Busybox")]
    [InlineData("app:-bad")]
    [InlineData("my app")]
    [InlineData("team//app")]
    public void Parse_Invalid_Throws(string reference) =>
        Assert.Equal("InvalidImage", Assert.Throws<InvalidSpecException>(() => ImageReference.Parse(reference)).ErrorId);
}
