using System.Management.Automation;

namespace PSDocker.Host;

/// <summary>
/// The progress the host shows: the activities still in progress (a Completed record removes its
/// activity and any children), drawn as one line for the newest of them:
/// <c>Pulling busybox [=========&gt;          ] 45% Downloading 3 MB</c>.
/// </summary>
internal sealed class ProgressLine
{
    private const int BarWidth = 24;
    private readonly List<(long Source, ProgressRecord Record)> _active = new();

    /// <summary>Records <paramref name="record"/>; returns the line to show now, or null for none.</summary>
    public string? Update(long sourceId, ProgressRecord record, int width)
    {
        var index = _active.FindIndex(a => a.Source == sourceId && a.Record.ActivityId == record.ActivityId);
        if (index >= 0)
        {
            _active.RemoveAt(index);
        }

        if (record.RecordType == ProgressRecordType.Completed)
        {
            RemoveChildren(sourceId, record.ActivityId);
        }
        else
        {
            _active.Add((sourceId, record));
        }

        return _active.Count == 0 ? null : Render(_active[^1].Record, width);
    }

    /// <summary>Forgets every activity (a pipeline ended: its progress is over, completed or not).</summary>
    public void Reset() => _active.Clear();

    /// <summary>One line for <paramref name="record"/>, at most <paramref name="width"/> - 1 columns.</summary>
    public static string Render(ProgressRecord record, int width)
    {
        var status = record.StatusDescription;
        if (!string.IsNullOrWhiteSpace(record.CurrentOperation))
        {
            status = string.IsNullOrWhiteSpace(status) ? record.CurrentOperation : status + " - " + record.CurrentOperation;
        }

        string line;
        if (record.PercentComplete is >= 0 and <= 100)
        {
            var filled = record.PercentComplete * BarWidth / 100;
            var bar = filled >= BarWidth
                ? new string('=', BarWidth)
                : new string('=', filled) + ">" + new string(' ', BarWidth - filled - 1);
            line = $"{record.Activity} [{bar}] {record.PercentComplete,3}% {status}";
        }
        else
        {
            line = $"{record.Activity}: {status}";
        }

        if (record.SecondsRemaining > 0)
        {
            line += $" ({TimeSpan.FromSeconds(record.SecondsRemaining):g} left)";
        }

        line = line.Replace('\r', ' ').Replace('\n', ' ').TrimEnd();
        var max = Math.Max(10, width - 1);
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    private void RemoveChildren(long sourceId, int parentId)
    {
        foreach (var child in _active.Where(a => a.Source == sourceId && a.Record.ParentActivityId == parentId).ToList())
        {
            _active.Remove(child);
            RemoveChildren(sourceId, child.Record.ActivityId);
        }
    }
}
