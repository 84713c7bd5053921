using System;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads compose files into a <see cref="ComposeProjectConfig"/>: YamlDotNet, merge in order,
    /// interpolation (environment, then the project's .env), normalisation, validation against the
    /// compose specification (unknown keys refused, unsupported ones named). Pure: never calls an engine.
    /// </summary>
    internal static class ComposeLoader
    {
        /// <summary>Loads the project; throws <see cref="ComposeFileException"/> for anything it cannot use.</summary>
        public static ComposeProjectConfig Load(ComposeLoadRequest request)
        {
            // Contract stub: implemented on the compose-file branch.
            throw new NotImplementedException();
        }
    }
}
