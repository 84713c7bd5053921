namespace PSDocker.EngineAccess
{
    /// <summary>
    /// One line of <c>docker build</c> output as the engine sent it, with the step it belongs to
    /// (<c>Step 3/7 : RUN make</c>): the step's number and the count of steps, and whether this line
    /// starts the step.
    /// </summary>
    public sealed class ImageBuildProgress
    {
        /// <summary>The output line, without its line ending.</summary>
        public string Line { get; set; } = string.Empty;

        /// <summary>The number of the current step (1-based), or 0 before the first step.</summary>
        public int Step { get; set; }

        /// <summary>How many steps the build has, or 0 before the first step.</summary>
        public int StepCount { get; set; }

        /// <summary>The current step's heading (<c>Step 3/7 : RUN make</c>), or null before the first step.</summary>
        public string? StepText { get; set; }

        /// <summary>Whether this line is a step's heading.</summary>
        public bool IsStepStart { get; set; }
    }
}
