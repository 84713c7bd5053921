using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;
using System.Text.RegularExpressions;
using PSDocker.Tests.Infrastructure;
using Xunit;

namespace PSDocker.Tests.Engine;

/// <summary>
/// Runs every row of docs/bad-input.md in the test runspace against the real engine: the table is the
/// contract for what a user gets from bad input, and this suite keeps it true. A new case is a new row.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class BadInputTests
{
    private const string Secret = "S3cret";
    private static readonly string[] DockerVariables = { "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH" };

    private readonly EngineFixture _f;

    public BadInputTests(EngineFixture fixture) => _f = fixture;

    /// <summary>One row of the table.</summary>
    public sealed record BadInputCase(string Script, string ErrorId, string Category, string Outcome)
    {
        /// <summary>The code spans of the outcome: each must appear in the error message.</summary>
        public IEnumerable<string> MessageParts => Regex.Matches(Outcome, "`([^`]+)`").Select(m => m.Groups[1].Value);

        /// <inheritdoc />
        public override string ToString() => Script;
    }

    public static TheoryData<BadInputCase> Cases()
    {
        var data = new TheoryData<BadInputCase>();
        foreach (var row in ReadTable())
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void Table_IsReadWhole()
    {
        var rows = ReadTable();
        Assert.True(rows.Count >= 20, $"docs/bad-input.md has {rows.Count} rows");
        Assert.All(rows, r => Assert.True(r.ErrorId == "(none)" || Enum.TryParse<ErrorCategory>(r.Category, out _), $"{r.Script}: category '{r.Category}'"));
        Assert.Contains(rows, r => r.Script.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_GivesTheDocumentedError(BadInputCase row)
    {
        var containersBefore = _f.RunContainers().Count;
        var (records, texts) = RunCase(row.Script);
        var dump = string.Join(Environment.NewLine, texts);

        if (row.Script.Contains(Secret, StringComparison.Ordinal))
        {
            Assert.False(dump.Contains(Secret, StringComparison.Ordinal), $"The password appears in a stream:{Environment.NewLine}{dump}");
        }

        if (row.ErrorId == "(none)")
        {
            Assert.True(records.Count == 0, $"Expected no error, got:{Environment.NewLine}{dump}");
            Assert.Equal(containersBefore, _f.RunContainers().Count);
            return;
        }

        Assert.True(containersBefore == _f.RunContainers().Count, "Bad input created a container");
        var error = records.FirstOrDefault();
        Assert.True(error is not null, $"Expected {row.ErrorId}, got no error. Streams:{Environment.NewLine}{dump}");
        var id = error!.FullyQualifiedErrorId;
        Assert.True(id == row.ErrorId || id.StartsWith(row.ErrorId + ",", StringComparison.Ordinal), $"Expected ErrorId {row.ErrorId}, got {id}: {error}");
        Assert.Equal(Enum.Parse<ErrorCategory>(row.Category), error.CategoryInfo.Category);
        Assert.False(error.Exception is NullReferenceException or InvalidOperationException or UriFormatException, $"A raw .NET exception reached the user: {error.Exception.GetType()}");
        var message = error.ErrorDetails?.Message ?? error.Exception.Message;
        foreach (var part in row.MessageParts)
        {
            if (row.Outcome.Contains("never `" + part + "`", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(part, dump);
            }
            else
            {
                Assert.Contains(part, message);
            }
        }
    }

    /// <summary>
    /// Runs one case with a fresh $Scratch folder, every preference stream on, and the docker variables
    /// and the location restored after; returns the error records and the text of every stream.
    /// </summary>
    private (List<ErrorRecord> Records, List<string> Texts) RunCase(string script)
    {
        var scratch = Directory.CreateTempSubdirectory("psd-bad-input-").FullName;
        var saved = string.Join("; ", DockerVariables.Select(v => $"'{v}' = $env:{v}"));
        var wrapped = $$"""
            $Scratch = '{{scratch}}'
            $__saved = @{ {{saved}} }
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            $InformationPreference = 'Continue'
            $ExecutionContext.SessionState.Path.PushCurrentLocation('psdocker-bad-input')
            try {
            {{script}}
            }
            finally {
                $null = $ExecutionContext.SessionState.Path.PopLocation('psdocker-bad-input')
                foreach ($k in $__saved.Keys) { [Environment]::SetEnvironmentVariable($k, $__saved[$k]) }
            }
            """;

        using var ps = PowerShell.Create();
        ps.Runspace = _f.Runspace;
        ps.AddScript(wrapped);
        var records = new List<ErrorRecord>();
        var texts = new List<string>();
        Collection<PSObject> output = new();
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            records.Add(e.ErrorRecord);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        records.InsertRange(0, ps.Streams.Error);
        texts.AddRange(output.Select(o => o?.ToString() ?? string.Empty));
        texts.AddRange(records.Select(Describe));
        texts.AddRange(ps.Streams.Warning.Select(w => "WARNING: " + w.Message));
        texts.AddRange(ps.Streams.Verbose.Select(v => "VERBOSE: " + v.Message));
        texts.AddRange(ps.Streams.Debug.Select(d => "DEBUG: " + d.Message));
        texts.AddRange(ps.Streams.Information.Select(i => "INFO: " + i.MessageData));
        return (records, texts);
    }

    private static string Describe(ErrorRecord record)
    {
        var text = new StringBuilder();
        text.AppendLine($"ERROR {record.FullyQualifiedErrorId} [{record.CategoryInfo}] target={record.TargetObject}: {record}");
        if (record.ErrorDetails is { } details)
        {
            text.AppendLine("  details: " + details.Message + " " + details.RecommendedAction);
        }

        for (Exception? e = record.Exception; e is not null; e = e.InnerException)
        {
            text.AppendLine($"  {e.GetType().FullName}: {e.Message}");
        }

        return text.ToString();
    }

    private static IReadOnlyList<BadInputCase> ReadTable()
    {
        var path = FindDoc();
        var rows = new List<BadInputCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = Regex.Split(line.Trim().Trim('|'), @"(?<!\\)\|").Select(c => c.Replace("\\|", "|").Trim()).ToArray();
            if (cells.Length != 4)
            {
                throw new InvalidDataException($"{path}: a row needs 4 cells (Case, ErrorId, Category, What the user gets): {line}");
            }

            rows.Add(new BadInputCase(cells[0].Trim('`'), cells[1], cells[2], cells[3]));
        }

        return rows;
    }

    private static string FindDoc()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var doc = Path.Combine(dir.FullName, "docs", "bad-input.md");
            if (File.Exists(doc))
            {
                return doc;
            }
        }

        throw new FileNotFoundException("docs/bad-input.md not found above " + AppContext.BaseDirectory);
    }
}
