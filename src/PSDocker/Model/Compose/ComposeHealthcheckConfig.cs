using System;

namespace PSDocker
{
    /// <summary>A service's <c>healthcheck</c>.</summary>
    public sealed class ComposeHealthcheckConfig
    {
        /// <summary>The test as the engine takes it: <c>["CMD", …]</c>, <c>["CMD-SHELL", "…"]</c> or <c>["NONE"]</c> (a string in the file becomes CMD-SHELL).</summary>
        public string[] Test { get; set; } = Array.Empty<string>();

        /// <summary>interval; null = the engine's default.</summary>
        public TimeSpan? Interval { get; set; }

        /// <summary>timeout.</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>start_period.</summary>
        public TimeSpan? StartPeriod { get; set; }

        /// <summary>retries.</summary>
        public int? Retries { get; set; }

        /// <summary><c>disable: true</c> (the same as test NONE).</summary>
        public bool Disable { get; set; }

        /// <summary>The test, as the engine takes it (<c>CMD-SHELL test -f /ready</c>).</summary>
        public override string ToString() => Disable ? "NONE" : string.Join(" ", Test);
    }
}
