using System.Text;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class OutputLineSplitterTests
{
    private static List<string> Split(string text, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var splitter = new OutputLineSplitter();
        var lines = new List<string>();
        for (var i = 0; i < bytes.Length; i += chunk)
        {
            lines.AddRange(splitter.Push(bytes, i, Math.Min(chunk, bytes.Length - i)));
        }

        if (splitter.Flush() is { } last)
        {
            lines.Add(last);
        }

        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void LinesCutAnywhere_AreJoined(int chunk)
    {
        var text = "first line\nsecond: héllo wörld — ✓ 😀\r\n\nlast without newline";
        Assert.Equal(new[] { "first line", "second: héllo wörld — ✓ 😀", "", "last without newline" }, Split(text, chunk));
    }

    [Fact]
    public void TrailingNewline_GivesNoEmptyLastLine() => Assert.Equal(new[] { "a", "b" }, Split("a\nb\n", 1));

    [Fact]
    public void NothingPushed_FlushesNothing() => Assert.Null(new OutputLineSplitter().Flush());

    [Fact]
    public void LongLine_LargerThanTheBuffer()
    {
        var longLine = new string('x', 100_000);
        Assert.Equal(new[] { longLine, "y" }, Split(longLine + "\ny", 16384));
    }
}
