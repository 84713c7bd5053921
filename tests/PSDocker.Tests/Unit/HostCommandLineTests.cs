using PSDocker.Host;
using Xunit;

namespace PSDocker.Tests.Unit;

public sealed class HostCommandLineTests
{
    [Fact]
    public void Command_TakesEverythingAfterIt_JoinedBySpaces()
    {
        var options = CommandLine.Parse(new[] { "-NoProfile", "-c", "Get-Container", "-Status", "Running" });

        Assert.Equal("Get-Container -Status Running", options.Command);
        Assert.False(options.Interactive);
    }

    [Fact]
    public void File_TakesThePath_AndPassesTheRestToTheScript()
    {
        var options = CommandLine.Parse(new[] { "-File", "demo.ps1", "-Name", "web", "-Command", "x" });

        Assert.Equal("demo.ps1", options.File);
        Assert.Equal(new[] { "-Name", "web", "-Command", "x" }, options.FileArguments);
    }

    [Fact]
    public void BareFirstArgument_IsTheFile_EvenAnAbsolutePath()
    {
        var options = CommandLine.Parse(new[] { "/tmp/x.ps1", "a" });

        Assert.Equal("/tmp/x.ps1", options.File);
        Assert.Equal(new[] { "a" }, options.FileArguments);
    }

    [Theory]
    [InlineData("-noe")]
    [InlineData("-NoExit")]
    [InlineData("--noexit")]
    public void Names_AreCaseInsensitive_AndMayBeShortened(string spelling)
    {
        var options = CommandLine.Parse(new[] { spelling, "-m", "/m/PSDocker", "-Command", "1" });

        Assert.True(options.NoExit);
        Assert.True(options.Interactive);
        Assert.Equal("/m/PSDocker", options.Module);
    }

    [Fact]
    public void NoArguments_IsTheInteractivePrompt()
    {
        Assert.True(CommandLine.Parse(Array.Empty<string>()).Interactive);
    }

    [Theory]
    [InlineData("-No", "ambiguous")]
    [InlineData("-Bogus", "Unknown option")]
    [InlineData("-Command", "needs a script")]
    [InlineData("-File", "needs the path")]
    public void BadLines_SayWhatIsWrong(string argument, string message)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(new[] { argument }));
        Assert.Contains(message, e.Message);
    }
}
