using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ByteSizeParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1024", 1024L)]
    [InlineData("10b", 10L)]
    [InlineData("1k", 1024L)]
    [InlineData("1K", 1024L)]
    [InlineData("1kb", 1024L)]
    [InlineData("512m", 512L * 1024 * 1024)]
    [InlineData("512MB", 512L * 1024 * 1024)]
    [InlineData("512 MiB", 512L * 1024 * 1024)]
    [InlineData("1g", 1024L * 1024 * 1024)]
    [InlineData("1.5g", 1536L * 1024 * 1024)]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("1t", 1L << 40)]
    [InlineData("1p", 1L << 50)]
    [InlineData(" 64m ", 64L * 1024 * 1024)]
    public void Parse_DockerSizes(string text, long bytes) => Assert.Equal(bytes, ByteSizeParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("-1m")]
    [InlineData("12x")]
    [InlineData("1.2.3m")]
    [InlineData("1 gigabyte")]
    [InlineData("99999999999p")]
    public void Parse_Invalid_ThrowsNamingTheValue(string text)
    {
        var e = Assert.Throws<InvalidSpecException>(() => ByteSizeParser.Parse(text));
        Assert.Equal("InvalidMemory", e.ErrorId);
        Assert.Contains("'" + text + "'", e.Message);
    }
}
