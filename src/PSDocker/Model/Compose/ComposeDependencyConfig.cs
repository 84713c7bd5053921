namespace PSDocker
{
    /// <summary>One <c>depends_on</c> entry.</summary>
    public sealed class ComposeDependencyConfig
    {
        /// <summary>service_started (default), service_healthy or service_completed_successfully.</summary>
        public string Condition { get; set; } = "service_started";

        /// <summary>Whether the dependency must exist (compose's <c>required</c>, default true).</summary>
        public bool Required { get; set; } = true;

        /// <summary>Restart this service when the dependency is recreated (compose's <c>restart</c>).</summary>
        public bool Restart { get; set; }

        /// <summary>The condition, as compose writes it (<c>service_healthy</c>).</summary>
        public override string ToString() => Condition;
    }
}
