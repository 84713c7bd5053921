using System;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>What <c>docker update</c> changes; what is null stays as it is.</summary>
    public sealed class ContainerUpdateOptions
    {
        /// <summary>Memory limit in bytes.</summary>
        public long? Memory { get; set; }

        /// <summary>Memory plus swap limit in bytes; -1 for unlimited swap.</summary>
        public long? MemorySwap { get; set; }

        /// <summary>How many CPUs the container may use.</summary>
        public double? Cpus { get; set; }

        /// <summary>A restart policy as <c>docker update --restart</c> takes it (<c>on-failure:3</c>).</summary>
        public string? RestartPolicy { get; set; }

        /// <summary>Whether anything is to change.</summary>
        public bool IsEmpty => Memory is null && MemorySwap is null && Cpus is null && RestartPolicy is null;

        /// <summary>Checks the values before anything is sent (a bad restart policy is an <see cref="InvalidSpecException"/>).</summary>
        public void Validate()
        {
            if (RestartPolicy is not null)
            {
                RestartPolicyParser.Parse(RestartPolicy);
            }
        }

        /// <summary>The engine's parameters: zero means "unchanged" to the engine, as in the docker CLI.</summary>
        internal ContainerUpdateParameters ToParameters() => new ContainerUpdateParameters
        {
            Memory = Memory ?? 0,
            MemorySwap = MemorySwap ?? 0,
            NanoCPUs = Cpus.HasValue ? (long)Math.Round(Cpus.Value * 1e9) : 0,
            RestartPolicy = RestartPolicy is null ? null! : RestartPolicyParser.Parse(RestartPolicy),
        };
    }
}
