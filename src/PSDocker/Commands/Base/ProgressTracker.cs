using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// Turns the engine's progress messages (pull, push, load, build) into Write-Progress records: one
    /// parent activity for the operation and one child per item (a layer: status, bytes, percent),
    /// completed as each item finishes.
    /// </summary>
    internal sealed class ProgressTracker
    {
        private static readonly HashSet<string> FinishedStatuses = new HashSet<string>(StringComparer.Ordinal)
        {
            "Pull complete", "Already exists", "Pushed", "Layer already exists", "Loading layer complete",
        };

        private const int ParentId = 1;
        private readonly string _activity;
        private readonly Dictionary<string, int> _layers = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly HashSet<string> _done = new HashSet<string>(StringComparer.Ordinal);
        private string _status;

        /// <summary>Creates the view for one operation ("Pulling image busybox:latest").</summary>
        public ProgressTracker(string activity)
        {
            _activity = activity;
            _status = "Starting";
        }

        /// <summary>The records to write for one progress message.</summary>
        public IEnumerable<ProgressRecord> Update(ProgressMessage message)
        {
            var status = message.Status;
            if (message.Id is null || status.StartsWith("Pulling from", StringComparison.Ordinal))
            {
                if (status.Length > 0)
                {
                    _status = status;
                }

                yield return Parent();
                yield break;
            }

            var id = message.Id;
            if (!_layers.TryGetValue(id, out var activityId))
            {
                activityId = ParentId + 1 + _layers.Count;
                _layers[id] = activityId;
            }

            var finished = FinishedStatuses.Contains(status);
            if (finished)
            {
                _done.Add(id);
            }

            var record = new ProgressRecord(activityId, "Layer " + id, Describe(status, message))
            {
                ParentActivityId = ParentId,
                RecordType = finished ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (message is { Total: > 0, Current: { } current })
            {
                record.PercentComplete = (int)Math.Min(100, Math.Max(0, current * 100 / message.Total!.Value));
            }

            yield return Parent();
            yield return record;
        }

        /// <summary>The records that close every activity once the pull has ended.</summary>
        public IEnumerable<ProgressRecord> Complete()
        {
            foreach (var layer in _layers)
            {
                if (!_done.Contains(layer.Key))
                {
                    yield return new ProgressRecord(layer.Value, "Layer " + layer.Key, "Done") { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed };
                }
            }

            yield return new ProgressRecord(ParentId, Activity, "Done") { RecordType = ProgressRecordType.Completed };
        }

        private string Activity => _activity;

        private ProgressRecord Parent()
        {
            var record = new ProgressRecord(ParentId, Activity, _layers.Count == 0 ? _status : $"{_status} ({_done.Count} of {_layers.Count} layers done)");
            if (_layers.Count > 0)
            {
                record.PercentComplete = _done.Count * 100 / _layers.Count;
            }

            return record;
        }

        private static string Describe(string status, ProgressMessage message)
        {
            if (message is { Total: > 0, Current: { } current })
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} {1}/{2}", status, DisplayText.Size(current), DisplayText.Size(message.Total!.Value));
            }

            return status.Length > 0 ? status : "Waiting";
        }
    }
}
