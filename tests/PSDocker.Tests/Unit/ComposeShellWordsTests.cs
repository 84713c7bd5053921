using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>command/entrypoint strings split as compose splits them (go-shellwords).</summary>
public sealed class ComposeShellWordsTests
{
    [Theory]
    [InlineData("echo hello", "echo|hello")]
    [InlineData("  echo   hello  ", "echo|hello")]
    [InlineData("sh -c \"echo a b\"", "sh|-c|echo a b")]
    [InlineData("sh -c 'echo \"$HOME\"'", "sh|-c|echo \"$HOME\"")]
    [InlineData("echo a\\ b", "echo|a b")]
    [InlineData("echo '' x", "echo||x")]
    [InlineData("echo \"\"", "echo|")]
    [InlineData("echo a; echo b", "echo|a")]
    [InlineData("echo a | wc", "echo|a")]
    [InlineData("sh -c 'a; b'", "sh|-c|a; b")]
    [InlineData("", "")]
    public void Split_AsCompose(string line, string expected) =>
        Assert.Equal(expected, string.Join("|", ComposeShellWords.Split(line)!));

    [Theory]
    [InlineData("echo 'open")]
    [InlineData("echo \"open")]
    [InlineData("echo \\")]
    public void Split_Unclosed_IsNull(string line) => Assert.Null(ComposeShellWords.Split(line));
}
