using System;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Base of the per-noun services: the engine they talk to and the one way they call the client, so
    /// every failure leaves classified by the noun's <see cref="RefusalTable"/>.
    /// </summary>
    public abstract class EngineService
    {
        private readonly RefusalTable _refusals;

        /// <summary>Creates the service of one noun on one engine.</summary>
        private protected EngineService(EngineConnection engine, RefusalTable refusals)
        {
            Engine = engine;
            _refusals = refusals;
        }

        /// <summary>The engine the service talks to.</summary>
        protected EngineConnection Engine { get; }

        /// <summary>Makes one client call (see <see cref="EngineConnection.CallAsync{T}"/>).</summary>
        private protected Task<T> Call<T>(Func<IDockerClient, Task<T>> call, CancellationToken cancellation) =>
            Engine.CallAsync(_refusals, call, cancellation);

        /// <summary>Makes one client call that returns nothing.</summary>
        private protected Task Call(Func<IDockerClient, Task> call, CancellationToken cancellation) =>
            Engine.CallAsync(_refusals, call, cancellation);
    }
}
