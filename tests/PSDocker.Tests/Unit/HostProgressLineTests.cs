using System.Management.Automation;
using PSDocker.Host;
using Xunit;

namespace PSDocker.Tests.Unit;

public sealed class HostProgressLineTests
{
    [Fact]
    public void Render_DrawsABarWithThePercentAndStatus()
    {
        var record = new ProgressRecord(1, "Pulling busybox", "layer 1 of 2") { PercentComplete = 50 };

        Assert.Equal("Pulling busybox [============>           ]  50% layer 1 of 2", ProgressLine.Render(record, 120));
    }

    [Fact]
    public void Render_WithoutPercent_IsActivityAndStatus_CutToTheWidth()
    {
        var record = new ProgressRecord(1, "Waiting", new string('x', 200));

        var line = ProgressLine.Render(record, 40);

        Assert.StartsWith("Waiting: xxx", line);
        Assert.Equal(39, line.Length);
        Assert.EndsWith("…", line);
    }

    [Fact]
    public void Update_CompletedParentRemovesItsChildren_AndNothingLeftMeansNoLine()
    {
        var progress = new ProgressLine();
        Assert.NotNull(progress.Update(7, new ProgressRecord(1, "Pull", "image"), 80));
        Assert.StartsWith("Layer", progress.Update(7, new ProgressRecord(2, "Layer", "a") { ParentActivityId = 1 }, 80));

        Assert.Null(progress.Update(7, new ProgressRecord(1, "Pull", "done") { RecordType = ProgressRecordType.Completed }, 80));
    }

    [Fact]
    public void Update_ShowsTheNewestActivity_AndFallsBackWhenItCompletes()
    {
        var progress = new ProgressLine();
        progress.Update(1, new ProgressRecord(1, "First", "a"), 80);
        Assert.StartsWith("Second", progress.Update(2, new ProgressRecord(1, "Second", "b"), 80));

        Assert.StartsWith("First", progress.Update(2, new ProgressRecord(1, "Second", "b") { RecordType = ProgressRecordType.Completed }, 80));
    }
}
