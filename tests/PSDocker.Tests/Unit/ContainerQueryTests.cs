using System.Text.RegularExpressions;
using PSDocker.EngineAccess;
using Xunit;

namespace PSDocker.Tests.Unit;

public sealed class ContainerQueryTests
{
    [Theory]
    [InlineData("web", "(?i)^/?web")]
    [InlineData("my_app.db-1", "(?i)^/?my_app\\.db-1")]
    public void NamePrefixPattern_IsAnAnchoredCaseInsensitiveRegex_WithDotsEscaped(string prefix, string expected) =>
        Assert.Equal(expected, ContainerQuery.NamePrefixPattern(prefix));

    [Theory]
    [InlineData("")]
    [InlineData("we b")]
    [InlineData("web*")]
    [InlineData("a(b")]
    [InlineData("web/x")]
    public void NamePrefixPattern_IsNull_WhenNoContainerNameCouldStartSo(string prefix) =>
        Assert.Null(ContainerQuery.NamePrefixPattern(prefix));

    [Theory]
    [InlineData("/web-1", true)]   // docker matches the listed name
    [InlineData("web-1", true)]    // podman the bare one
    [InlineData("/WEB.x", true)]
    [InlineData("/webfoo", true)]
    [InlineData("/app/web", false)] // a link alias of another container
    [InlineData("/aweb", false)]
    public void NamePrefixPattern_MatchesNamesAsBothEnginesHoldThem(string name, bool matches)
    {
        // Go's regexp (the engines') and .NET's agree on this subset: (?i), ^, ?, escaped dot.
        var pattern = ContainerQuery.NamePrefixPattern("web");
        Assert.Equal(matches, Regex.IsMatch(name, pattern!));
    }

    [Fact]
    public void NamePatterns_GoToTheEnginesNameFilter()
    {
        var query = new ContainerQuery();
        query.NamePatterns.Add("(?i)^/?web");

        var filters = query.ToFilters();

        Assert.NotNull(filters);
        Assert.Equal(new[] { "(?i)^/?web" }, filters!["name"].Keys);
    }
}
