using System.Management.Automation;
using PSDocker.Commands;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ArgumentTransformationTests
{
    [Theory]
    [InlineData(1.5e30)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(1e19)]
    [InlineData(-1.0)]
    public void ByteSize_NumberBeyondAByteCount_FailsWithAnInvalidSpecNamingIt(double number)
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => new ByteSizeTransformationAttribute().Transform(null!, number));
        var inner = Assert.IsType<InvalidSpecException>(e.InnerException);
        Assert.Equal("InvalidMemory", inner.ErrorId);
        Assert.Contains("is not a valid size", e.Message);
    }

    [Fact]
    public void ByteSize_Numbers_AreWholeBytes()
    {
        Assert.Equal(1610612736L, new ByteSizeTransformationAttribute().Transform(null!, 1.5 * 1024 * 1024 * 1024));
        Assert.Equal(512L * 1024 * 1024, new ByteSizeTransformationAttribute().Transform(null!, "512m"));
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("sometime")]
    public void LogTime_TextThatIsNoTime_FailsNamingIt(string text)
    {
        var e = Assert.Throws<ArgumentTransformationMetadataException>(() => new LogTimeTransformationAttribute().Transform(null!, text));
        Assert.IsType<InvalidSpecException>(e.InnerException);
        Assert.Contains("'" + text + "'", e.Message);
    }

    [Theory]
    [InlineData(1e30)]
    [InlineData(99999999999999.0)]
    public void LogTime_NumberThatIsNoTime_FailsInsteadOfYearOne(double seconds) =>
        Assert.IsType<InvalidSpecException>(Assert.Throws<ArgumentTransformationMetadataException>(
            () => new LogTimeTransformationAttribute().Transform(null!, seconds)).InnerException);

    [Fact]
    public void LogTime_UnixSeconds_AreThatTime() =>
        Assert.Equal(
            new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).ToLocalTime(),
            new LogTimeTransformationAttribute().Transform(null!, 1700000000));
}
