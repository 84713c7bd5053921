using System.Text;
using System.Text.Json;
using Docker.DotNet.Models;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The X-Registry-Auth header PSDocker builds where Docker.DotNet cannot (the search): JSON, base64url, as the docker CLI sends it.</summary>
public sealed class RegistryAuthHeaderTests
{
    [Fact]
    public void Header_IsTheAuthRecordAsJson_InBase64Url()
    {
        // A password whose base64 has '+' and '/' in plain base64.
        var header = ImageService.RegistryAuthHeader(new AuthConfig { Username = "ci", Password = "p?>>~~ü", ServerAddress = "127.0.0.1:5000" });

        Assert.DoesNotContain('+', header);
        Assert.DoesNotContain('/', header);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/')));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("ci", doc.RootElement.GetProperty("username").GetString());
        Assert.Equal("p?>>~~ü", doc.RootElement.GetProperty("password").GetString());
        Assert.Equal("127.0.0.1:5000", doc.RootElement.GetProperty("serveraddress").GetString());
    }

    [Fact]
    public void ConfigHeader_IsEveryRegistrysAuthRecordByAddress_InBase64Url()
    {
        var header = ImageService.RegistryConfigHeader(new[]
        {
            new AuthConfig { Username = "a", Password = "pa", ServerAddress = "127.0.0.1:5000" },
            new AuthConfig { Username = "b", Password = "pb", ServerAddress = "https://index.docker.io/v1/" },
        });

        using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Replace('-', '+').Replace('_', '/'))));
        Assert.Equal("a", doc.RootElement.GetProperty("127.0.0.1:5000").GetProperty("username").GetString());
        Assert.Equal("pb", doc.RootElement.GetProperty("https://index.docker.io/v1/").GetProperty("password").GetString());
    }
}
