using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using Docker.DotNet.Models;

namespace PSDocker.Commands
{
    /// <summary>
    /// Turns an image pull's progress messages into Write-Progress records: one parent activity for the
    /// image and one child per layer (status, bytes, percent), completed as each layer finishes.
    /// </summary>
    public sealed class PullProgress
    {
        private const int ParentId = 1;
        private readonly string _image;
        private readonly Dictionary<string, int> _layers = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly HashSet<string> _done = new HashSet<string>(StringComparer.Ordinal);
        private string _status;

        /// <summary>Creates the view for one image.</summary>
        public PullProgress(string image)
        {
            _image = image;
            _status = "Pulling from the registry";
        }

        /// <summary>The records to write for one progress message.</summary>
        public IEnumerable<ProgressRecord> Update(JSONMessage message)
        {
            var status = message.Status ?? string.Empty;
            if (string.IsNullOrEmpty(message.ID) || status.StartsWith("Pulling from", StringComparison.Ordinal))
            {
                if (status.Length > 0)
                {
                    _status = status;
                }

                yield return Parent();
                yield break;
            }

            var id = message.ID!;
            if (!_layers.TryGetValue(id, out var activityId))
            {
                activityId = ParentId + 1 + _layers.Count;
                _layers[id] = activityId;
            }

            var finished = status == "Pull complete" || status == "Already exists";
            if (finished)
            {
                _done.Add(id);
            }

            var record = new ProgressRecord(activityId, "Layer " + id, Describe(status, message.Progress))
            {
                ParentActivityId = ParentId,
                RecordType = finished ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (message.Progress is { Total: > 0 } p && p.Current.HasValue)
            {
                record.PercentComplete = (int)Math.Min(100, Math.Max(0, p.Current.Value * 100 / p.Total!.Value));
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

        private string Activity => "Pulling image " + _image;

        private ProgressRecord Parent()
        {
            var record = new ProgressRecord(ParentId, Activity, _layers.Count == 0 ? _status : $"{_status} ({_done.Count} of {_layers.Count} layers done)");
            if (_layers.Count > 0)
            {
                record.PercentComplete = _done.Count * 100 / _layers.Count;
            }

            return record;
        }

        private static string Describe(string status, JSONProgress? progress)
        {
            if (progress is { Total: > 0 } p && p.Current.HasValue)
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} {1}/{2}", status, DisplayText.Size(p.Current.Value), DisplayText.Size(p.Total!.Value));
            }

            return status.Length > 0 ? status : "Waiting";
        }
    }
}
