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

    private static Hashtable Manifest()
    {
        var ast = Parser.ParseFile(Path.Combine(RepoRoot(), "PSDocker.psd1"), out _, out var errors);
        Assert.Empty(errors);
        return (Hashtable)((HashtableAst)ast.Find(a => a is HashtableAst, false)!).SafeGetValue();
    }

    private static Hashtable PSData() => (Hashtable)((Hashtable)Manifest()["PrivateData"]!)["PSData"]!;

    [Fact]
    public void CmdletsToExport_IsExactlyTheAssemblysCmdlets()
    {
        var inAssembly = typeof(PSDocker.Commands.DockerCmdlet).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: false } && typeof(System.Management.Automation.Cmdlet).IsAssignableFrom(t))
            .Select(t => t.GetCustomAttributes(typeof(System.Management.Automation.CmdletAttribute), false).Cast<System.Management.Automation.CmdletAttribute>().Single())
            .Select(a => a.VerbName + "-" + a.NounName)
            .OrderBy(n => n, StringComparer.Ordinal);
        var listed = ((object[])Manifest()["CmdletsToExport"]!).Cast<string>().OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(inAssembly, listed);
    }

    [Fact]
    public void FormatsToProcess_IsEveryFormatFile()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot(), "src", "PSDocker", "Formatting"), "*.format.ps1xml").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
        var listed = ((object[])Manifest()["FormatsToProcess"]!).Cast<string>().OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(files, listed);
    }

    [Fact]
    public void TheBuiltModuleFolder_ShipsNoSymbolsDocFilesOrPowerShellItself()
    {
        var module = Path.Combine(RepoRoot(), "out", "PSDocker");
        Assert.Empty(Directory.GetFiles(module, "*.pdb"));
        Assert.Empty(Directory.GetFiles(module, "*.xml"));
        Assert.False(File.Exists(Path.Combine(module, "System.Management.Automation.dll")));
        Assert.True(File.Exists(Path.Combine(module, "en-US", "PSDocker.dll-Help.xml")));
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
