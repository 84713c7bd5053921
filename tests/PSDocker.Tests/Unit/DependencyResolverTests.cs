using System.Reflection;
using PSDocker.Loading;

namespace PSDocker.Tests.Unit;

/// <summary>
/// The resolvers' rules (pure): Windows PowerShell 5.1's handler answers any version of a name the
/// module ships with the module's copy and nothing else; PowerShell 7's context takes the platform's
/// copy only when it is at least the version asked for.
/// </summary>
public sealed class DependencyResolverTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "psd-module", "Dependencies");

    private static DesktopResolver Resolver() => new(new DependencyCatalog(Folder, new[]
    {
        Path.Combine(Folder, "System.Runtime.CompilerServices.Unsafe.dll"),
        Path.Combine(Folder, "System.Text.Json.dll"),
        Path.Combine(Folder, "Docker.DotNet.dll"),
    }));

    [Theory]
    [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe.dll")]
    [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json.dll")]
    [InlineData("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json.dll")]
    [InlineData("docker.dotnet, Version=3.125.0.0", "Docker.DotNet.dll")]
    [InlineData("Docker.DotNet", "Docker.DotNet.dll")]
    public void A_request_for_a_shipped_name_gets_the_shipped_copy_whatever_its_version(string request, string file) =>
        Assert.Equal(Path.Combine(Folder, file), Resolver().PathFor(request));

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")]
    [InlineData("System.Management.Automation, Version=3.0.0.0")]
    [InlineData("YamlDotNet")]
    [InlineData("System.Text")]
    [InlineData("")]
    [InlineData("not a, valid = name,,")]
    public void Any_other_request_gets_nothing(string request)
    {
        Assert.Null(Resolver().PathFor(request));
        Assert.Null(Resolver().Resolve(request));
    }

    [Theory]
    [InlineData("9.0.0.0", "10.0.0.0", true)]
    [InlineData("10.0.0.0", "10.0.0.0", true)]
    [InlineData(null, "4.0.0.0", true)]
    [InlineData("9.0.0.0", "8.0.0.0", false)]
    [InlineData("9.0.0.0", null, false)]
    public void The_platform_serves_only_at_the_version_asked_for_or_newer(string? requested, string? platform, bool prefer) =>
        Assert.Equal(prefer, PlatformAssemblies.Prefer(requested is null ? null : Version.Parse(requested), platform is null ? null : Version.Parse(platform)));

    [Fact]
    public void The_platform_list_answers_only_for_its_names()
    {
        // This test host's own System.Text.Json stands in for PowerShell's.
        var json = typeof(System.Text.Json.JsonSerializer).Assembly.Location;
        var platform = new PlatformAssemblies(new[] { json });
        Assert.True(platform.Satisfies(new AssemblyName("System.Text.Json, Version=8.0.0.0")));
        Assert.False(platform.Satisfies(new AssemblyName("System.Text.Json, Version=99.0.0.0")));
        Assert.False(platform.Satisfies(new AssemblyName("Docker.DotNet, Version=4.3.0.0")));
    }

    [Fact]
    public void The_catalog_lists_a_folder_by_simple_name()
    {
        var folder = Directory.CreateTempSubdirectory("psd-catalog").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Docker.DotNet.dll"), string.Empty);
            File.WriteAllText(Path.Combine(folder, "notes.txt"), string.Empty);
            var catalog = new DependencyCatalog(folder);
            Assert.Equal(new[] { "Docker.DotNet" }, catalog.Names);
            Assert.Null(catalog.Find(new AssemblyName("notes")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
