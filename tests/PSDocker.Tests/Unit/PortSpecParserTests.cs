using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class PortSpecParserTests
{
    private static string Render(string spec) =>
        string.Join(" ", PortSpecParser.Parse(spec).Select(p => $"{p.HostIp}|{p.HostPort}|{p.ContainerPort}/{p.Protocol}"));

    [Theory]
    [InlineData("81:80", "|81|80/tcp")]
    [InlineData("127.0.0.1:81:80", "127.0.0.1|81|80/tcp")]
    [InlineData("127.0.0.1::80", "127.0.0.1||80/tcp")]
    [InlineData("127.0.0.1:83:80/udp", "127.0.0.1|83|80/udp")]
    [InlineData("80", "||80/tcp")]
    [InlineData("80/udp", "||80/udp")]
    [InlineData("53:53/SCTP", "|53|53/sctp")]
    [InlineData("8080-8081:80-81", "|8080|80/tcp |8081|81/tcp")]
    [InlineData("80-82", "||80/tcp ||81/tcp ||82/tcp")]
    [InlineData("8000-8010:80", "|8000-8010|80/tcp")]
    [InlineData("[::1]:81:80", "::1|81|80/tcp")]
    [InlineData("[::1]::80/udp", "::1||80/udp")]
    [InlineData("0.0.0.0:0:80", "0.0.0.0|0|80/tcp")]
    [InlineData(" 81:80 ", "|81|80/tcp")]
    public void Parse_ValidSpec_GivesBindings(string spec, string expected) => Assert.Equal(expected, Render(spec));

    [Fact]
    public void Parse_KeyIsPortSlashProtocol() => Assert.Equal("80/udp", Assert.Single(PortSpecParser.Parse("1:80/udp")).Key);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("abc", "'abc' is not a valid container port")]
    [InlineData("81:", "no container port")]
    [InlineData("81:0", "'0' is not a valid container port")]
    [InlineData("81:65536", "'65536' is not a valid container port")]
    [InlineData("70000:80", "'70000' is not a valid host port")]
    [InlineData("-1:80", "host port")]
    [InlineData("81:80/icmp", "protocol 'icmp'")]
    [InlineData("300.1.1.1:81:80", "'300.1.1.1' is not an IP address")]
    [InlineData("host:81:80", "'host' is not an IP address")]
    [InlineData("127:47061:80", "'127' is not an IP address")]
    [InlineData("80:80:80", "'80' is not an IP address")]
    [InlineData("10.1:80:80", "'10.1' is not an IP address")]
    [InlineData("127.0.0.01:80:80", "'127.0.0.01' is not an IP address")]
    [InlineData("::1:81:80", "must be in brackets")]
    [InlineData("[127.0.0.1]:81:80", "is not an IPv6 address")]
    [InlineData("[::1:81:80", "closing ']'")]
    [InlineData("8080-8082:80-81", "differ in size")]
    [InlineData("81-80:80", "ends before it starts")]
    [InlineData("81:82-80", "ends before it starts")]
    [InlineData("8o:80", "'8o' is not a valid host port")]
    public void Parse_InvalidSpec_ThrowsNamingTheSpec(string spec, string reason)
    {
        var e = Assert.Throws<InvalidSpecException>(() => PortSpecParser.Parse(spec));
        Assert.Equal("Port", e.Parameter);
        Assert.Equal("InvalidPort", e.ErrorId);
        Assert.Equal(spec, e.Spec);
        Assert.Contains("'" + spec + "'", e.Message);
        Assert.Contains(reason, e.Message);
    }
}
