using System.Management.Automation.Host;
using PSDocker.Host;
using Xunit;

namespace PSDocker.Tests.Unit;

public sealed class HostChoicePromptTests
{
    private static readonly ChoiceDescription[] ConfirmChoices =
    {
        new("&Yes", "Continue with only the next step of the operation."),
        new("Yes to &All", "Continue with all the steps of the operation."),
        new("&No", "Skip this operation and proceed with the next operation."),
        new("No to A&ll", "Skip this operation and all subsequent operations."),
        new("&Suspend", "Pause the current pipeline and return to the command prompt."),
    };

    [Fact]
    public void Question_ReadsLikePwsh()
    {
        var prompt = new ChoicePrompt(ConfirmChoices, 0);

        Assert.Equal("[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): ", prompt.Question);
    }

    [Theory]
    [InlineData("n", 2)]
    [InlineData(" N ", 2)]
    [InlineData("l", 3)]
    [InlineData("no to all", 3)]
    [InlineData("", 0)]
    [InlineData("maybe", null)]
    public void Match_TakesHotKeysOrWholeLabels_AndTheDefaultForNothing(string answer, int? expected)
    {
        Assert.Equal(expected, new ChoicePrompt(ConfirmChoices, 0).Match(answer));
    }

    [Fact]
    public void WithoutDefault_AnEmptyAnswerAsksAgain()
    {
        var prompt = new ChoicePrompt(ConfirmChoices, -1);

        Assert.Null(prompt.Match(string.Empty));
        Assert.EndsWith("[?] Help: ", prompt.Question);
    }

    [Fact]
    public void Help_ListsEachHotKeyWithItsHelp()
    {
        Assert.Contains("N - Skip this operation and proceed with the next operation.", new ChoicePrompt(ConfirmChoices, 0).Help);
    }
}
