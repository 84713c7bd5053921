using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ApiVersionTests
{
    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.45", "1.45")]
    [InlineData("1.99", "1.52")]
    [InlineData(null, "1.41")]
    [InlineData("garbage", "1.41")]
    public void Choose_TakesTheLowerOfEngineAndClient(string? header, string expected) =>
        Assert.Equal(Version.Parse(expected), ApiVersionNegotiator.Choose(header));
}
