namespace PSDocker
{
    /// <summary>One port of a service (compose's long syntax).</summary>
    public sealed class ComposePortConfig
    {
        /// <summary>The container port.</summary>
        public int Target { get; set; }

        /// <summary>The host port or range as written (<c>8080</c>, <c>8080-8081</c>); null = not published (or an engine-chosen port when <see cref="Publish"/>).</summary>
        public string? Published { get; set; }

        /// <summary>The host address to bind; null = all.</summary>
        public string? HostIp { get; set; }

        /// <summary>tcp or udp.</summary>
        public string Protocol { get; set; } = "tcp";

        /// <summary>True when the port is published on the host (a short-syntax entry always is; <c>expose</c> entries are not).</summary>
        public bool Publish { get; set; } = true;

        /// <summary>As the short syntax writes it: <c>127.0.0.1:8080:80/tcp</c>, <c>8080:80/tcp</c>, or <c>80/tcp</c> when not published.</summary>
        public override string ToString() =>
            (Publish && Published is { Length: > 0 } ? (HostIp is { Length: > 0 } ? HostIp + ":" : string.Empty) + Published + ":" : string.Empty)
            + Target.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Protocol;
    }
}
