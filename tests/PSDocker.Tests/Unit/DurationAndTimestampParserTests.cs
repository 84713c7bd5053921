using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class DurationAndTimestampParserTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("2h45m10s", 9_910_000)]
    [InlineData("300ms", 300)]
    [InlineData("1500us", 1.5)]
    [InlineData("1500µs", 1.5)]
    [InlineData("2000000ns", 2)]
    [InlineData("-1m", -60_000)]
    public void Duration_GoForms(string text, double milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond)), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("1d")]
    [InlineData("1..5h")]
    [InlineData("-")]
    [InlineData("2024-05-01")]
    public void Duration_NotADuration(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Fact]
    public void Timestamp_RelativeIsThatLongBeforeNow()
    {
        var now = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Local);
        Assert.True(TimestampParser.TryParse("1h30m", now, out var t));
        Assert.Equal(now.AddMinutes(-90), t);
    }

    [Fact]
    public void Timestamp_UnixSecondsAndRfc3339()
    {
        Assert.True(TimestampParser.TryParse("1700000000.5", DateTime.Now, out var unix));
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), unix.ToUniversalTime());

        Assert.True(TimestampParser.TryParse("2024-05-01T10:00:00.123456789Z", DateTime.Now, out var rfc));
        Assert.Equal(DateTimeKind.Local, rfc.Kind);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567), rfc.ToUniversalTime());

        Assert.True(TimestampParser.TryParse("2024-05-01T10:00:00+02:00", DateTime.Now, out var offset));
        Assert.Equal(new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc), offset.ToUniversalTime());

        Assert.False(TimestampParser.TryParse("yesterday", DateTime.Now, out _));
    }

    [Fact]
    public void ToUnixTimestamp_SecondsWithNanoseconds()
    {
        var t = new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal("1700000000.123456700", TimestampParser.ToUnixTimestamp(t));
        Assert.Equal("1700000000.123456700", TimestampParser.ToUnixTimestamp(t.ToLocalTime()));
        Assert.Equal("-2.900000000", TimestampParser.ToUnixTimestamp(new DateTime(1969, 12, 31, 23, 59, 58, 900, DateTimeKind.Utc)));
    }

    [Fact]
    public void SplitLogLine_TakesTheEnginesPrefix()
    {
        Assert.True(TimestampParser.TrySplitLogLine("2024-05-01T10:00:00.123456789Z hello world", out var t, out var message));
        Assert.Equal("hello world", message);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234567), t.ToUniversalTime());

        Assert.True(TimestampParser.TrySplitLogLine("2024-05-01T10:00:00Z", out _, out var empty));
        Assert.Equal(string.Empty, empty);

        Assert.False(TimestampParser.TrySplitLogLine("no timestamp here", out _, out var unchanged));
        Assert.Equal("no timestamp here", unchanged);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("300000000000")]
    [InlineData("9999999999h")]
    public void Timestamp_BeyondAnyDate_IsNotATime(string text) =>
        Assert.False(TimestampParser.TryParse(text, DateTime.Now, out _));
}
