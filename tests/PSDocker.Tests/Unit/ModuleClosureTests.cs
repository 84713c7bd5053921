using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PSDocker.Loading;

namespace PSDocker.Tests.Unit;

/// <summary>
/// The built module (out/PSDocker) as Windows PowerShell 5.1 and PowerShell 7 will load it, read from
/// the assemblies' own references: every version mismatch is one the 5.1 handler answers, no
/// reference is left unanswered, and the seam holds (the cmdlets and the model reference no package).
/// </summary>
public sealed class ModuleClosureTests
{
    // What .NET Framework 4.7.2 and PowerShell provide themselves (netstandard 2.0 facades come with the framework).
    private static readonly HashSet<string> Platform = new(StringComparer.OrdinalIgnoreCase)
    {
        "netstandard", "mscorlib", "System", "System.Core", "System.Management.Automation",
    };

    private sealed record Built(string RelativePath, string Name, Version Version, IReadOnlyList<AssemblyName> References);

    private static string ModuleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var module = Path.Combine(dir.FullName, "out", "PSDocker");
            if (File.Exists(Path.Combine(module, "PSDocker.psd1")))
            {
                return module;
            }
        }

        throw new FileNotFoundException("out/PSDocker not found: build src/PSDocker first.");
    }

    private static List<Built> Assemblies()
    {
        var folder = ModuleFolder();
        var result = new List<Built>();
        foreach (var file in Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var self = md.GetAssemblyDefinition();
            var references = md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Select(r => new AssemblyName { Name = md.GetString(r.Name), Version = r.Version })
                .ToList();
            result.Add(new Built(Path.GetRelativePath(folder, file), md.GetString(self.Name), self.Version, references));
        }

        return result;
    }

    [Fact]
    public void Every_version_mismatch_is_answered_by_the_Windows_PowerShell_handler_with_a_copy_at_least_as_new()
    {
        var built = Assemblies();
        var shipped = built.ToDictionary(b => b.Name, StringComparer.OrdinalIgnoreCase);
        var resolver = DesktopResolver.ForModule(ModuleFolder());
        var problems = new List<string>();
        var answered = 0;
        foreach (var assembly in built)
        {
            foreach (var reference in assembly.References)
            {
                if (!shipped.TryGetValue(reference.Name!, out var copy))
                {
                    if (!Platform.Contains(reference.Name!) && !(assembly.Name == "PSDocker.Loader" && reference.Name == "System.Runtime.Loader"))
                    {
                        problems.Add($"{assembly.RelativePath} references {reference.Name} {reference.Version}, which the module does not ship and the platform does not provide.");
                    }

                    continue;
                }

                if (copy.Version == reference.Version)
                {
                    continue;
                }

                if (resolver.PathFor(reference.FullName) is not { } path || !string.Equals(Path.GetFileName(path), Path.GetFileName(copy.RelativePath), StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{assembly.RelativePath} asks for {reference.Name} {reference.Version}; the handler does not answer it with {copy.RelativePath}.");
                }
                else if (copy.Version < reference.Version!)
                {
                    problems.Add($"{assembly.RelativePath} asks for {reference.Name} {reference.Version}, newer than the {copy.Version} shipped: it may use what that copy lacks.");
                }
                else
                {
                    answered++;
                }
            }
        }

        Assert.Empty(problems);
        // The mismatches the issue found (Unsafe 4.0.4.1 vs 6.0.0.0, Buffers 4.0.2.0 vs 4.0.3.0, System.Text.Json 8 vs 9, …) are among them.
        Assert.True(answered >= 4, $"only {answered} version mismatches seen; the module's closure changed shape");
    }

    [Fact]
    public void The_cmdlets_and_the_model_reference_no_package_and_the_engine_layer_sits_in_Dependencies()
    {
        var built = Assemblies().ToDictionary(b => b.Name);
        Assert.Equal(
            new[] { "PSDocker.Engine", "PSDocker.Model", "System.Management.Automation", "netstandard" },
            built["PSDocker"].References.Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            new[] { "System.Management.Automation", "netstandard" },
            built["PSDocker.Model"].References.Select(r => r.Name!).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            new[] { "PSDocker.Loader.dll", "PSDocker.Model.dll", "PSDocker.dll" },
            built.Values.Where(b => !b.RelativePath.Contains(Path.DirectorySeparatorChar)).Select(b => b.RelativePath).OrderBy(n => n, StringComparer.Ordinal));
        Assert.StartsWith("Dependencies", built["PSDocker.Engine"].RelativePath, StringComparison.Ordinal);
        Assert.StartsWith("Dependencies", built["Docker.DotNet"].RelativePath, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Management.Automation", built.Keys);
    }

    [Fact]
    public void No_public_member_of_the_cmdlets_or_the_model_names_a_type_from_behind_the_seam()
    {
        var behind = Assemblies().Where(b => b.RelativePath.StartsWith("Dependencies", StringComparison.Ordinal)).Select(b => b.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var assembly in new[] { typeof(Container).Assembly, typeof(PSDocker.Commands.DockerCmdlet).Assembly })
        {
            foreach (var type in assembly.GetExportedTypes())
            {
                var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly);
                foreach (var (member, used) in members.SelectMany(m => TypesOf(m).Select(t => (m, t))))
                {
                    foreach (var t in Expand(used))
                    {
                        if (behind.Contains(t.Assembly.GetName().Name!) && !IsEngineService(type))
                        {
                            problems.Add($"{type.FullName}.{member.Name} uses {t.FullName} ({t.Assembly.GetName().Name})");
                        }
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    // The cmdlet bases reach the engine through protected/public plumbing; only the model and the
    // parameters users see matter here. Nothing is exempt yet: the list stays empty unless a base must.
    private static bool IsEngineService(Type type) => false;

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        PropertyInfo p when p.GetMethod?.IsPublic == true || p.SetMethod?.IsPublic == true => new[] { p.PropertyType },
        FieldInfo f when f.IsPublic => new[] { f.FieldType },
        MethodInfo m when m.IsPublic && !m.IsSpecialName => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c when c.IsPublic => c.GetParameters().Select(p => p.ParameterType),
        _ => Array.Empty<Type>(),
    };

    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var t in Expand(type.GetElementType()!))
            {
                yield return t;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return t;
            }
        }
    }
}
