using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>compose-go's template tests (template/template_test.go), behaviour for behaviour.</summary>
public sealed class ComposeInterpolatorTests
{
    private static readonly Dictionary<string, string> Defaults = new() { ["FOO"] = "first", ["BAR"] = "", ["JSON"] = "{\"json\":2}" };

    private static string Substitute(string template, List<string>? warnings = null) =>
        new ComposeInterpolator(n => Defaults.TryGetValue(n, out var v) ? v : null, warnings).Substitute(template);

    [Theory]
    [InlineData("$${foo}", "${foo}")]
    [InlineData("foo", "foo")]
    [InlineData("a $ string", "a $ string")]
    [InlineData("^REGEX$", "^REGEX$")]
    [InlineData("$}", "$}")]
    [InlineData("$", "$")]
    [InlineData("$FOO-bar", "first-bar")]
    [InlineData("This ${missing} var", "This  var")]
    [InlineData("This ${BAR} var", "This  var")]
    [InlineData("This $FOO var", "This first var")]
    [InlineData("This ${FOO} var", "This first var")]
    [InlineData("ok ${missing:-def}", "ok def")]
    [InlineData("ok ${missing-def}", "ok def")]
    [InlineData("${A:+${A},}B", "B")]
    [InlineData("ok ${BAR:-def}", "ok def")]
    [InlineData("ok ${FOO:-def}", "ok first")]
    [InlineData("ok ${BAR-def}", "ok ")]
    [InlineData("ok ${UNSET_VAR:+presence_value}", "ok ")]
    [InlineData("ok ${UNSET_VAR+presence_value}", "ok ")]
    [InlineData("ok ${FOO:+presence_value}", "ok presence_value")]
    [InlineData("ok ${FOO+presence_value}", "ok presence_value")]
    [InlineData("ok ${BAR+presence_value}", "ok presence_value")]
    [InlineData("ok ${BAR:+presence_value}", "ok ")]
    [InlineData("ok ${BAR:-/non:-alphanumeric}", "ok /non:-alphanumeric")]
    [InlineData("-ok ${BAR:-defaultValue}", "-ok defaultValue")]
    [InlineData("+ok ${UNSET:-${BAR-defaultValue}}", "+ok ")]
    [InlineData(":-ok ${UNSET-defaultValue}", ":-ok defaultValue")]
    [InlineData(":?ok ${BAR:-defaultValue}", ":?ok defaultValue")]
    [InlineData("?ok ${BAR:-defaultValue}", "?ok defaultValue")]
    [InlineData("ok ${UNSET_VAR-$FOO}", "ok first")]
    [InlineData("ok ${UNSET_VAR-${FOO}}", "ok first")]
    [InlineData("ok ${UNSET_VAR-${FOO} ${FOO}}", "ok first first")]
    [InlineData("ok ${BAR:-${FOO} ${FOO}}", "ok first first")]
    [InlineData("ok ${BAR+$FOO ${FOO:+second}}", "ok first second")]
    [InlineData("ok ${FOO:?err}", "ok first")]
    [InlineData("ok ${FOO?err}", "ok first")]
    [InlineData("ok ${BAR?err}", "ok ")]
    [InlineData("${JSON}", "{\"json\":2}")]
    [InlineData("${FOO}${FOO} $$FOO", "firstfirst $FOO")]
    public void Substitute_BehavesAsComposeGo(string template, string expected) =>
        Assert.Equal(expected, Substitute(template));

    [Theory]
    [InlineData("${")]
    [InlineData("${}")]
    [InlineData("${ }")]
    [InlineData("${ foo}")]
    [InlineData("${foo }")]
    [InlineData("${foo!}")]
    public void Substitute_InvalidTemplate_IsComposeInterpolationInvalid(string template)
    {
        var e = Assert.Throws<ComposeFileException>(() => Substitute(template));
        Assert.Equal("ComposeInterpolationInvalid", e.ErrorId);
    }

    [Theory]
    [InlineData("not ok ${UNSET_VAR:?Mandatory Variable Unset}", "required variable UNSET_VAR is missing a value: Mandatory Variable Unset")]
    [InlineData("not ok ${BAR:?Mandatory Variable Empty}", "required variable BAR is missing a value: Mandatory Variable Empty")]
    [InlineData("not ok ${UNSET_VAR:?}", "required variable UNSET_VAR is missing a value")]
    [InlineData("not ok ${UNSET_VAR?Mandatory Variable Unset}", "required variable UNSET_VAR is missing a value: Mandatory Variable Unset")]
    [InlineData("not ok ${UNSET_VAR?}", "required variable UNSET_VAR is missing a value")]
    [InlineData("not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}", "required variable UNSET_VAR is missing a value: Mandatory Variable first")]
    [InlineData("not ok ${UNSET_VAR?Mandatory Variable ${FOO}}", "required variable UNSET_VAR is missing a value: Mandatory Variable first")]
    public void Substitute_MissingRequired_IsComposeVariableRequired(string template, string message)
    {
        var e = Assert.Throws<ComposeFileException>(() => Substitute(template));
        Assert.Equal("ComposeVariableRequired", e.ErrorId);
        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public void Substitute_UnsetVariable_WarnsOnceAndOnlyWhenUsed()
    {
        var warnings = new List<string>();
        Substitute("${A:+${A},}B ${FOO}", warnings);
        Assert.Empty(warnings);
        Substitute("${A:-${B}} $B", warnings);
        Assert.Equal(new[] { "The \"B\" variable is not set. Defaulting to a blank string." }, warnings);
    }
}
