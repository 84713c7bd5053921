using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads the classic builder's messages: their <c>stream</c> text cut into whole lines (a RUN step's
    /// output arrives in pieces cut anywhere), each reported with the step it belongs to
    /// (<c>Step 3/7 : RUN make</c>), and the built image's id from the <c>aux</c> record (or, from an
    /// older engine, the <c>Successfully built</c> line).
    /// </summary>
    internal sealed class BuildOutputReader
    {
        private static readonly Regex StepHeading = new Regex(@"^Step (\d+)/(\d+) : ", RegexOptions.CultureInvariant);
        private static readonly Regex SuccessLine = new Regex(@"^Successfully built ([0-9a-f]+)\s*$", RegexOptions.CultureInvariant);

        private readonly IProgress<ImageBuildProgress>? _progress;
        private readonly OutputLineSplitter _lines = new OutputLineSplitter();

        /// <summary>Creates a reader reporting to <paramref name="progress"/> (null: lines are only tracked).</summary>
        public BuildOutputReader(IProgress<ImageBuildProgress>? progress) => _progress = progress;

        /// <summary>The current step's number, or 0 before the first.</summary>
        public int Step { get; private set; }

        /// <summary>The number of steps, or 0 before the first.</summary>
        public int StepCount { get; private set; }

        /// <summary>The current step's heading, or null before the first.</summary>
        public string? StepText { get; private set; }

        /// <summary>The built image's id (<c>sha256:…</c>, or the short id of a <c>Successfully built</c> line), once known.</summary>
        public string? ImageId { get; private set; }

        /// <summary>Takes one message of the stream.</summary>
        public void Add(ProgressMessage message)
        {
            if (message.AuxId is { Length: > 0 } aux)
            {
                ImageId = aux;
            }

            var text = message.Output ?? (message.Status.Length > 0 ? message.Status + "\n" : null);
            if (text is null)
            {
                return;
            }

            foreach (var line in _lines.Push(text))
            {
                Line(line);
            }
        }

        /// <summary>At the end of the stream: reports a last line that had no line ending.</summary>
        public void Complete()
        {
            if (_lines.Flush() is { } last)
            {
                Line(last);
            }
        }

        private void Line(string line)
        {
            var heading = StepHeading.Match(line);
            if (heading.Success)
            {
                Step = int.Parse(heading.Groups[1].Value, CultureInfo.InvariantCulture);
                StepCount = int.Parse(heading.Groups[2].Value, CultureInfo.InvariantCulture);
                StepText = line;
            }
            else if (ImageId is null && SuccessLine.Match(line) is { Success: true } success)
            {
                ImageId = success.Groups[1].Value;
            }

            _progress?.Report(new ImageBuildProgress { Line = line, Step = Step, StepCount = StepCount, StepText = StepText, IsStepStart = heading.Success });
        }
    }
}
