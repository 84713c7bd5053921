using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>The registry calls of the engine: checking credentials (<c>docker login</c>, <c>/auth</c>).</summary>
    public sealed class RegistryService : EngineService
    {
        /// <summary>The engine's registry refusals, by message.</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Registry",
            new Refusal("unauthorized", false, "RegistryAuthenticationFailed", ErrorCategory.AuthenticationError),
            new Refusal("incorrect username or password", false, "RegistryAuthenticationFailed", ErrorCategory.AuthenticationError),
            new Refusal("connection refused", false, "RegistryUnreachable", ErrorCategory.ConnectionError),
            new Refusal("no such host", false, "RegistryUnreachable", ErrorCategory.ConnectionError));

        internal RegistryService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>
        /// Has the engine check credentials against a registry (<c>docker login</c>). A refusal is a
        /// RegistryAuthenticationFailed <see cref="EngineException"/> naming the registry and the user, never
        /// the password.
        /// </summary>
        public async Task CheckAsync(string server, PSCredential credential, CancellationToken cancellation)
        {
            var key = RegistryCredentialStore.Normalize(server);
            var auth = new AuthConfig { Username = credential.UserName, Password = credential.GetNetworkCredential().Password, ServerAddress = key };
            try
            {
                await Call(c => c.System.AuthenticateAsync(auth, cancellation), cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e is not EngineUnreachableException)
            {
                var category = e.ErrorId == "RegistryUnreachable" ? ErrorCategory.ConnectionError : ErrorCategory.AuthenticationError;
                var errorId = e.ErrorId == "RegistryUnreachable" ? "RegistryUnreachable" : "RegistryAuthenticationFailed";
                var reason = auth.Password.Length > 0 ? e.Message.Replace(auth.Password, "***") : e.Message;
                throw new EngineException($"The registry {key} did not accept the credentials of '{credential.UserName}': {reason.Trim().TrimEnd('.')}.", errorId, category, e.StatusCode);
            }
        }
    }
}
