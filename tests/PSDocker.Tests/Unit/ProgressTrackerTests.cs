using System.Management.Automation;
using PSDocker.Commands;
using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

public sealed class ProgressTrackerTests
{
    [Fact]
    public void Layers_AreChildActivities_WithBytesAndPercent_CompletedWhenDone()
    {
        var view = new ProgressTracker("Pulling image app:1");
        var records = new List<ProgressRecord>();
        records.AddRange(view.Update(new ProgressMessage { Status = "Pulling from library/app", Id = "1" }));
        records.AddRange(view.Update(new ProgressMessage { Status = "Downloading", Id = "abc123", Current = 500_000, Total = 2_000_000 }));
        records.AddRange(view.Update(new ProgressMessage { Status = "Already exists", Id = "def456" }));
        records.AddRange(view.Update(new ProgressMessage { Status = "Pull complete", Id = "abc123" }));
        records.AddRange(view.Complete());

        var parent = records.First();
        Assert.Equal("Pulling image app:1", parent.Activity);
        Assert.Equal("Pulling from library/app", parent.StatusDescription);

        var downloading = records.Single(r => r.Activity == "Layer abc123" && r.RecordType == ProgressRecordType.Processing);
        Assert.Equal(1, downloading.ParentActivityId);
        Assert.Equal(25, downloading.PercentComplete);
        Assert.Equal("Downloading 500kB/2MB", downloading.StatusDescription);

        Assert.Contains(records, r => r.Activity == "Layer abc123" && r.RecordType == ProgressRecordType.Completed);
        Assert.Contains(records, r => r.Activity == "Layer def456" && r.RecordType == ProgressRecordType.Completed);
        Assert.NotEqual(downloading.ActivityId, records.First(r => r.Activity == "Layer def456").ActivityId);
        Assert.Contains(records, r => r.ActivityId == 1 && r.StatusDescription.Contains("(2 of 2 layers done)"));

        var last = records.Last();
        Assert.Equal(1, last.ActivityId);
        Assert.Equal(ProgressRecordType.Completed, last.RecordType);
    }
}
