using PSDocker.Host;
using Xunit;

namespace PSDocker.Tests.Unit;

public sealed class HostScriptArgumentsTests
{
    [Fact]
    public void NamesKeepTheirDash_ValuesArePositional_ColonFormsBindInOne()
    {
        var parameters = ScriptArguments.ToParameters(new[] { "web", "-Loud", "-Count:3", "-Force:$false", "-Tag:", "v1", "-" }).ToList();

        Assert.Collection(
            parameters,
            p => { Assert.Null(p.Name); Assert.Equal("web", p.Value); },
            p => { Assert.Equal("-Loud", p.Name); Assert.Null(p.Value); },
            p => { Assert.Equal("-Count", p.Name); Assert.Equal("3", p.Value); },
            p => { Assert.Equal("-Force", p.Name); Assert.Equal(false, p.Value); },
            p => { Assert.Equal("-Tag", p.Name); Assert.Equal("v1", p.Value); },
            p => { Assert.Null(p.Name); Assert.Equal("-", p.Value); });
    }
}
