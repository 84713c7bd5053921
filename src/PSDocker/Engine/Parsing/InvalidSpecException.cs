using System;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// A docker-style value (a <c>-Port</c>, <c>-Volume</c>, <c>-Memory</c> or <c>-RestartPolicy</c>
    /// string) that cannot be parsed.
    /// </summary>
    public sealed class InvalidSpecException : ArgumentException
    {
        /// <summary>Creates the exception for one value of one parameter.</summary>
        public InvalidSpecException(string parameter, string spec, string message)
            : base(message)
        {
            Parameter = parameter;
            Spec = spec;
        }

        /// <summary>The parameter the value was given to (<c>Port</c>).</summary>
        public string Parameter { get; }

        /// <summary>The value as the user wrote it.</summary>
        public string Spec { get; }

        /// <summary>The parameter-error id: <c>Invalid</c> followed by the parameter name (<c>InvalidPort</c>).</summary>
        public string ErrorId => "Invalid" + Parameter;
    }
}
