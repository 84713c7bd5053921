using System.Collections;
using System.Management.Automation.Language;

namespace PSDocker.Tests.Unit;

/// <summary>What the PowerShell Gallery shows about the module: its licence and project, read from the manifest.</summary>
public sealed class ManifestTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PSDocker.psd1")))
            {
                return dir.FullName;
            }
        }

        throw new FileNotFoundException("PSDocker.psd1 not found above " + AppContext.BaseDirectory);
    }

    private static Hashtable PSData()
    {
        var ast = Parser.ParseFile(Path.Combine(RepoRoot(), "PSDocker.psd1"), out _, out var errors);
        Assert.Empty(errors);
        var manifest = (Hashtable)((HashtableAst)ast.Find(a => a is HashtableAst, false)!).SafeGetValue();
        return (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
    }

    [Fact]
    public void Manifest_PointsTheGalleryAtTheProjectAndItsLicence()
    {
        var data = PSData();
        Assert.Equal("https://github.com/psdocker/PSDocker", data["ProjectUri"]);
        Assert.Equal("https://github.com/psdocker/PSDocker/blob/main/LICENSE", data["LicenseUri"]);
        Assert.False(string.IsNullOrWhiteSpace(data["ReleaseNotes"] as string));
    }

    [Fact]
    public void License_IsMitForPSDockerContributors()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "LICENSE"));
        Assert.StartsWith("MIT License", text);
        Assert.Contains("PSDocker contributors", text);
    }
}
