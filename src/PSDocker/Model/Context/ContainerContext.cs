namespace PSDocker
{
    /// <summary>
    /// A docker context (<c>docker context ls</c>): a named engine endpoint stored in the docker
    /// configuration folder, shared with the docker CLI.
    /// </summary>
    public sealed class ContainerContext
    {
        /// <summary>The context's name.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>Its description.</summary>
        public string Description { get; set; } = string.Empty;

        /// <summary>The docker endpoint (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2376</c>).</summary>
        public string DockerEndpoint { get; set; } = string.Empty;

        /// <summary>Whether it is the context in use (DOCKER_CONTEXT or the docker config's currentContext).</summary>
        public bool Current { get; set; }

        /// <summary>Whether the server's TLS certificate is not verified.</summary>
        public bool SkipTlsVerify { get; set; }

        /// <summary>The folder of its TLS material (ca.pem, cert.pem, key.pem), if it has any.</summary>
        public string? TlsPath { get; set; }

        /// <summary>Why the context could not be read, when its metadata is broken.</summary>
        public string? Error { get; set; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
