using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The pure parts of the container tools: docker stats' formulas and numbers, docker cp's plan, docker top's columns.</summary>
public sealed class ContainerToolsUnitTests
{
    [Fact]
    public void CpuPercent_IsCpuDeltaOverSystemDeltaTimesOnlineCpus()
    {
        // 0.5 s of CPU over 2 s of system time on 2 CPUs: (0.5/2) * 2 * 100 = 50%.
        Assert.Equal(50.0, ContainerStatisticsCalculator.CpuPercent(1_000_000_000, 1_500_000_000, 10_000_000_000, 12_000_000_000, 2, 0), 10);
    }

    [Fact]
    public void CpuPercent_WithoutOnlineCpus_CountsPerCpuCounters()
    {
        Assert.Equal(100.0, ContainerStatisticsCalculator.CpuPercent(0, 1000, 0, 4000, 0, 4), 10);
    }

    [Theory]
    [InlineData(100UL, 100UL, 1000UL, 2000UL)] // no CPU used
    [InlineData(100UL, 200UL, 1000UL, 1000UL)] // no system time passed
    [InlineData(200UL, 100UL, 1000UL, 2000UL)] // counter went back (a restart)
    public void CpuPercent_IsZeroUnlessBothDeltasArePositive(ulong previousTotal, ulong total, ulong previousSystem, ulong system)
    {
        Assert.Equal(0.0, ContainerStatisticsCalculator.CpuPercent(previousTotal, total, previousSystem, system, 2, 2));
    }

    [Fact]
    public void MemoryUsage_OnCgroupV1_SubtractsTotalInactiveFile()
    {
        var stats = new Dictionary<string, ulong> { ["total_inactive_file"] = 300, ["inactive_file"] = 100, ["cache"] = 500 };
        Assert.Equal(700UL, ContainerStatisticsCalculator.MemoryUsage(1000, stats));
    }

    [Fact]
    public void MemoryUsage_OnCgroupV2_SubtractsInactiveFile()
    {
        Assert.Equal(900UL, ContainerStatisticsCalculator.MemoryUsage(1000, new Dictionary<string, ulong> { ["inactive_file"] = 100 }));
    }

    [Fact]
    public void MemoryUsage_KeepsTheUsage_WhenTheCacheIsNotSmaller()
    {
        Assert.Equal(1000UL, ContainerStatisticsCalculator.MemoryUsage(1000, new Dictionary<string, ulong> { ["total_inactive_file"] = 1000, ["inactive_file"] = 2000 }));
        Assert.Equal(1000UL, ContainerStatisticsCalculator.MemoryUsage(1000, null));
    }

    [Fact]
    public void MemoryPercent_IsUsedOverLimit_AndZeroWithoutLimit()
    {
        Assert.Equal(25.0, ContainerStatisticsCalculator.MemoryPercent(4096, 1024), 10);
        Assert.Equal(0.0, ContainerStatisticsCalculator.MemoryPercent(0, 1024));
    }

    [Fact]
    public void BlockIO_SumsReadsAndWritesByTheFirstLetterOfTheOperation()
    {
        var (read, written) = ContainerStatisticsCalculator.BlockIO(new[] { ("Read", 10UL), ("read", 5UL), ("Write", 7UL), ("Sync", 100UL), ("Total", 1000UL), ("", 1UL) });
        Assert.Equal(15UL, read);
        Assert.Equal(7UL, written);
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(1023, "1023B")]
    [InlineData(1536, "1.5KiB")]
    [InlineData(335872, "328KiB")]
    [InlineData(1048575, "1024KiB")]
    [InlineData(25276510208, "23.54GiB")]
    [InlineData(1088, "1.062KiB")] // 1.0625: Go rounds the tie to even
    public void BytesSize_PrintsLikeGoUnits(double bytes, string expected)
    {
        Assert.Equal(expected, DockerUnits.BytesSize(bytes));
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(946, "946B")]
    [InlineData(999, "999B")]
    [InlineData(1000, "1kB")]
    [InlineData(4608, "4.61kB")]
    [InlineData(999500, "1e+03kB")] // Go's %.3g of 999.5
    [InlineData(1245000, "1.25MB")] // 1.245 is a hair above the tie in binary
    [InlineData(12345678, "12.3MB")]
    public void HumanSize_PrintsLikeGoUnits(double bytes, string expected)
    {
        Assert.Equal(expected, DockerUnits.HumanSize(bytes));
    }

    [Theory]
    [InlineData(0.0, "0.00%")]
    [InlineData(0.00132879102865117, "0.00%")]
    [InlineData(12.125, "12.12%")] // exact tie: to even
    [InlineData(99.999, "100.00%")]
    [InlineData(153.4567, "153.46%")]
    public void Percentage_HasTwoDecimals(double value, string expected)
    {
        Assert.Equal(expected, DockerUnits.Percentage(value));
    }

    [Theory]
    [InlineData("/etc/passwd", "/etc", "passwd")]
    [InlineData("/data/", "/", "data")]
    [InlineData("/data/.", "/data", ".")]
    [InlineData("/x", "/", "x")]
    [InlineData("rel/x", "rel", "x")]
    [InlineData("x", ".", "x")]
    [InlineData(".", ".", ".")]
    public void SplitPathDirEntry_SplitsLikeMoby(string path, string directory, string name)
    {
        Assert.Equal((directory, name), ArchiveCopyPlan.SplitPathDirEntry(path, new[] { '/' }));
    }

    [Fact]
    public void Plan_IntoAnExistingFolder_ExtractsThere_AsItIs()
    {
        var plan = ArchiveCopyPlan.Prepare(true, "data", true, true, "/out", new[] { '/' });
        Assert.Equal("/out", plan.ExtractDirectory);
        Assert.Equal("data/a.txt", plan.MapEntryName("data/a.txt"));
    }

    [Fact]
    public void Plan_ToANewName_ExtractsIntoTheParent_RenamingTheTopEntry()
    {
        var plan = ArchiveCopyPlan.Prepare(true, "data", false, false, "/out/copy", new[] { '/' });
        Assert.Equal("/out", plan.ExtractDirectory);
        Assert.Equal("copy/", plan.MapEntryName("data/"));
        Assert.Equal("copy/sub/a.txt", plan.MapEntryName("data/sub/a.txt"));
        Assert.Equal("database", plan.MapEntryName("database"));
    }

    [Fact]
    public void Plan_FolderContents_ToANewName_BecomeThatFolder()
    {
        var plan = ArchiveCopyPlan.Prepare(true, ".", false, false, "/out/copy", new[] { '/' });
        Assert.Equal("copy/", plan.MapEntryName("./"));
        Assert.Equal("copy/a.txt", plan.MapEntryName("./a.txt"));
    }

    [Fact]
    public void Plan_FileOntoAnExistingFile_TakesItsName()
    {
        var plan = ArchiveCopyPlan.Prepare(false, "passwd", true, false, "/out/users", new[] { '/' });
        Assert.Equal("/out", plan.ExtractDirectory);
        Assert.Equal("users", plan.MapEntryName("passwd"));
    }

    [Fact]
    public void Plan_FolderOntoAFile_IsRefused()
    {
        var e = Assert.Throws<ArchiveCopyException>(() => ArchiveCopyPlan.Prepare(true, "data", true, false, "/out/file", new[] { '/' }));
        Assert.Equal("CannotCopyFolderOntoFile", e.ErrorId);
    }

    [Fact]
    public void Plan_FileToAMissingFolder_IsRefused()
    {
        var e = Assert.Throws<ArchiveCopyException>(() => ArchiveCopyPlan.Prepare(false, "passwd", false, false, "/out/missing/", new[] { '/' }));
        Assert.Equal("DestinationFolderNotFound", e.ErrorId);
    }

    [Theory]
    [InlineData("00:00:00", 0, 0, 0, 0)]
    [InlineData("01:02:03", 0, 1, 2, 3)]
    [InlineData("2-03:04:05", 2, 3, 4, 5)]
    [InlineData("0:07", 0, 0, 0, 7)]
    public void ProcessTime_ReadsPsTimes(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), ContainerProcessColumns.ParseTime(text));
    }

    [Fact]
    public void Process_TypesTheDefaultColumns_AndKeepsEveryColumn()
    {
        var engine = new PSDocker.Engine(new Uri("unix:///var/run/docker.sock"), null, "k");
        var p = ContainerProcessColumns.ToProcess(
            new[] { "UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD" },
            new[] { "root", "7886", "7867", "0", "04:52", "?", "00:00:01", "sleep 600" },
            engine,
            "id",
            "web");

        Assert.Equal("root", p.Uid);
        Assert.Equal(7886, p.Pid);
        Assert.Equal(7867, p.Ppid);
        Assert.Equal(0, p.C);
        Assert.Equal("04:52", p.STime);
        Assert.Equal("?", p.Tty);
        Assert.Equal(TimeSpan.FromSeconds(1), p.Time);
        Assert.Equal("sleep 600", p.Command);
        Assert.Equal(8, p.Columns.Count);

        var aux = ContainerProcessColumns.ToProcess(new[] { "USER", "PID", "%CPU", "COMMAND" }, new[] { "root", "1", "0.5", "sh" }, engine, "id", "web");
        Assert.Null(aux.Uid);
        Assert.Equal(1, aux.Pid);
        Assert.Equal("sh", aux.Command);
        Assert.Equal("0.5", aux.Columns["%CPU"]);
    }
}
