using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>.env files as compose-go's dotenv parser reads them.</summary>
public sealed class ComposeDotEnvTests
{
    private static IDictionary<string, string> Parse(string text, Dictionary<string, string>? environment = null) =>
        ComposeDotEnv.Parse(text, "/p/.env", n => environment is not null && environment.TryGetValue(n, out var v) ? v : null);

    [Theory]
    [InlineData("FOO=bar", "bar")]
    [InlineData("FOO = bar", "bar")]
    [InlineData("FOO: bar", "bar")]
    [InlineData("export FOO=bar", "bar")]
    [InlineData("FOO=bar # a comment", "bar")]
    [InlineData("FOO=bar#not a comment", "bar#not a comment")]
    [InlineData("FOO='bar # kept'", "bar # kept")]
    [InlineData("FOO=\"bar # kept\"", "bar # kept")]
    [InlineData("FOO='a\\nb $HOME'", "a\\nb $HOME")]
    [InlineData("FOO=\"a\\nb\"", "a\nb")]
    [InlineData("FOO=\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("FOO=\"a\nb\"", "a\nb")]
    [InlineData("FOO=", "")]
    [InlineData("FOO=  spaced  ", "spaced")]
    [InlineData("FOO=\"\\$HOME\"", "$HOME")]
    [InlineData("FOO=$$HOME", "$HOME")]
    [InlineData("\uFEFFFOO=bom", "bom")]
    public void Parse_Value(string text, string expected) => Assert.Equal(expected, Parse(text)["FOO"]);

    [Fact]
    public void Parse_CommentsBlankLinesAndSeveralKeys()
    {
        var values = Parse("# comment\n\nA=1\r\n  # indented comment\nB=2\nC.D-E=3\n");
        Assert.Equal("1", values["A"]);
        Assert.Equal("2", values["B"]);
        Assert.Equal("3", values["C.D-E"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public void Parse_ExpandsFromEnvironmentThenEarlierLines_NotInSingleQuotes()
    {
        var values = Parse("A=one\nB=${A}-two\nC=\"$HOME/x\"\nD='${A}'\nE=${MISSING:-dflt}\nF=${A:+alt}", new() { ["HOME"] = "/home/u" });
        Assert.Equal("one-two", values["B"]);
        Assert.Equal("/home/u/x", values["C"]);
        Assert.Equal("${A}", values["D"]);
        Assert.Equal("dflt", values["E"]);
        Assert.Equal("alt", values["F"]);
    }

    [Fact]
    public void Parse_BareKey_TakesTheEnvironmentOrNothing()
    {
        var values = Parse("SET\nUNSET\nA=1", new() { ["SET"] = "from-env" });
        Assert.Equal("from-env", values["SET"]);
        Assert.False(values.ContainsKey("UNSET"));
        Assert.Equal("1", values["A"]);
    }

    [Theory]
    [InlineData("FOO BAR=1", "key cannot contain a space")]
    [InlineData("FO$O=1", "unexpected character \"$\" in variable name")]
    [InlineData("A=1\nFOO=\"unterminated", "line 2: unterminated quoted value")]
    public void Parse_Invalid_IsComposeEnvFileInvalidWithLine(string text, string message)
    {
        var e = Assert.Throws<ComposeFileException>(() => Parse(text));
        Assert.Equal("ComposeEnvFileInvalid", e.ErrorId);
        Assert.Contains(message, e.Reason);
        Assert.StartsWith("/p/.env:", e.Message);
    }
}
