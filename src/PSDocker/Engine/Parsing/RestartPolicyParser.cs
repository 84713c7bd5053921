using System;
using System.Globalization;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Parses <c>docker run --restart</c> values: <c>no</c>, <c>always</c>, <c>unless-stopped</c>,
    /// <c>on-failure</c> or <c>on-failure:N</c> (at most N restarts).
    /// </summary>
    public static class RestartPolicyParser
    {
        private const string Parameter = "RestartPolicy";

        /// <summary>The policies, for tab completion.</summary>
        public static readonly string[] Names = { "no", "always", "unless-stopped", "on-failure" };

        /// <summary>Parses one value.</summary>
        /// <exception cref="InvalidSpecException">The value is not a restart policy.</exception>
        public static RestartPolicy Parse(string text)
        {
            var value = (text ?? string.Empty).Trim();
            var colon = value.IndexOf(':');
            var name = (colon < 0 ? value : value.Substring(0, colon)).ToLowerInvariant();
            var kind = name switch
            {
                "no" => RestartPolicyKind.No,
                "always" => RestartPolicyKind.Always,
                "unless-stopped" => RestartPolicyKind.UnlessStopped,
                "on-failure" => RestartPolicyKind.OnFailure,
                _ => throw Invalid(value, $"'{name}' is not a policy"),
            };

            long retries = 0;
            if (colon >= 0)
            {
                if (kind != RestartPolicyKind.OnFailure)
                {
                    throw Invalid(value, "only on-failure takes a maximum retry count");
                }

                if (!long.TryParse(value.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out retries))
                {
                    throw Invalid(value, $"'{value.Substring(colon + 1)}' is not a retry count (0 or more)");
                }
            }

            return new RestartPolicy { Name = kind, MaximumRetryCount = retries };
        }

        private static InvalidSpecException Invalid(string text, string reason) => new InvalidSpecException(
            Parameter,
            text,
            $"'{text}' is not a valid restart policy: {reason}. Use no, always, unless-stopped, on-failure or on-failure:N.");
    }
}
