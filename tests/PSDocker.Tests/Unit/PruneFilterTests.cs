using System.Collections;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class PruneFilterTests
{
    private static IDictionary<string, IDictionary<string, bool>>? From(Hashtable? filter, params string[] labels) =>
        PruneFilter.From(filter, labels, PruneFilter.ContainerKeys);

    [Fact]
    public void From_NothingGiven_IsNull() => Assert.Null(From(null));

    [Fact]
    public void From_StringsAndArrays_BecomeEngineFilters_KeysInEngineCase()
    {
        var filters = From(new Hashtable { ["Until"] = "24h", ["label"] = new object[] { "a=b", "c" }, ["LABEL!"] = "d" })!;

        Assert.Equal(new[] { "24h" }, filters["until"].Keys);
        Assert.Equal(new[] { "a=b", "c" }, filters["label"].Keys.OrderBy(k => k));
        Assert.Equal(new[] { "d" }, filters["label!"].Keys);
        Assert.All(filters.Values.SelectMany(v => v.Values), Assert.True);
    }

    [Fact]
    public void From_LabelSugar_MergesWithFilterLabels()
    {
        var filters = From(new Hashtable { ["label"] = "a=b" }, "x=y")!;
        Assert.Equal(new[] { "a=b", "x=y" }, filters["label"].Keys.OrderBy(k => k));
    }

    [Fact]
    public void From_UntilDateTime_IsUnixSeconds_AndTimeSpan_IsGoDuration()
    {
        var at = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        Assert.Equal("1704164645", From(new Hashtable { ["until"] = at.UtcDateTime })!["until"].Keys.Single());
        Assert.Equal("1704164645", From(new Hashtable { ["until"] = at })!["until"].Keys.Single());
        Assert.Equal("5400s", From(new Hashtable { ["until"] = TimeSpan.FromMinutes(90) })!["until"].Keys.Single());
    }

    [Fact]
    public void From_PSObjectWrappedValues_AreUnwrapped()
    {
        var filters = From(new Hashtable { ["until"] = new PSObject(TimeSpan.FromHours(1)), ["label"] = new PSObject(new object[] { new PSObject("k=v") }) })!;
        Assert.Equal("3600s", filters["until"].Keys.Single());
        Assert.Equal("k=v", filters["label"].Keys.Single());
    }

    [Theory]
    [InlineData("status", "exited")]
    [InlineData("label", "")]
    [InlineData("until", null)]
    public void From_UnknownKeyOrEmptyValue_Throws(string key, string? value)
    {
        var e = Assert.Throws<ArgumentException>(() => From(new Hashtable { [key] = value }));
        Assert.Contains($"'{key}'", e.Message);
    }

    [Fact]
    public void From_TimeValuesOnLabel_OrNegativeDuration_Throw()
    {
        Assert.Throws<ArgumentException>(() => From(new Hashtable { ["label"] = DateTime.Now }));
        Assert.Throws<ArgumentException>(() => From(new Hashtable { ["until"] = TimeSpan.FromHours(-1) }));
        Assert.Throws<ArgumentException>(() => From(new Hashtable { ["until"] = true }));
    }
}
