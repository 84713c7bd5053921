using System;
using System.IO;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The docker configuration on disk cannot be used: a context's <c>meta.json</c> of the wrong shape,
    /// TLS files (<c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>) that are not PEM. The message names the
    /// file and what to do. It derives from <see cref="IOException"/> (reading the configuration failed),
    /// so the cmdlets report it as <c>EngineConfigurationInvalid</c> (InvalidData).
    /// </summary>
    public sealed class EngineConfigurationException : IOException
    {
        /// <summary>Creates the exception for one file.</summary>
        public EngineConfigurationException(string path, string message, Exception? inner = null)
            : base(message, inner)
        {
            Path = path;
        }

        /// <summary>The file that cannot be used.</summary>
        public string Path { get; }
    }
}
