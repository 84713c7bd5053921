using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Every volume call of the engine (<c>docker volume ls</c>, inspect, create, rm, prune), returning
    /// PSDocker objects. Failures leave as <see cref="EngineException"/>s classified by <see cref="Refusals"/>.
    /// </summary>
    public sealed class VolumeService : EngineService
    {
        /// <summary>The engine's volume refusals, by message (engine 20.10's wording).</summary>
        public static readonly RefusalTable Refusals = new RefusalTable(
            "Volume",
            new Refusal("volume is in use", false, "VolumeInUse", ErrorCategory.ResourceBusy),
            new Refusal("no such volume", true, "VolumeNotFound", ErrorCategory.ObjectNotFound),
            new Refusal("plugin", true, "VolumeDriverNotFound", ErrorCategory.ObjectNotFound));

        internal VolumeService(EngineConnection engine)
            : base(engine, Refusals)
        {
        }

        /// <summary>Lists the volumes matching the query (<c>docker volume ls</c>), by name.</summary>
        public async Task<IList<ContainerVolume>> ListAsync(VolumeQuery query, CancellationToken cancellation)
        {
            var response = await Call(c => c.Volumes.ListAsync(new VolumesListParameters { Filters = query.ToFilters() }, cancellation), cancellation).ConfigureAwait(false);
            return (response.Volumes ?? new List<VolumeResponse>())
                .Select(v => VolumeRecords.ToVolume(v, Engine.Engine))
                .OrderBy(v => v.Name, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Inspects one volume by its exact name.</summary>
        public async Task<ContainerVolume> InspectAsync(string name, CancellationToken cancellation) =>
            VolumeRecords.ToVolume(await Call(c => c.Volumes.InspectAsync(name, cancellation), cancellation).ConfigureAwait(false), Engine.Engine);

        /// <summary>The volume with that exact name; null when there is none.</summary>
        public async Task<ContainerVolume?> FindAsync(string name, CancellationToken cancellation)
        {
            try
            {
                return await InspectAsync(name, cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (e.ErrorId == "VolumeNotFound")
            {
                return null;
            }
        }

        /// <summary>
        /// Creates a volume (<c>docker volume create</c>); without a name the engine makes one up. Like
        /// docker, creating a volume whose name exists with the same driver returns the existing volume.
        /// </summary>
        public async Task<ContainerVolume> CreateAsync(string? name, string? driver, IDictionary? driverOptions, IDictionary? labels, CancellationToken cancellation)
        {
            var parameters = new VolumesCreateParameters
            {
                Name = name!,
                Driver = driver is { Length: > 0 } d ? d : "local",
                DriverOpts = NetworkCreateOptions.ToDictionary(driverOptions) ?? new Dictionary<string, string>(),
                Labels = NetworkCreateOptions.ToDictionary(labels) ?? new Dictionary<string, string>(),
            };
            var response = await Call(c => c.Volumes.CreateAsync(parameters, cancellation), cancellation).ConfigureAwait(false);
            return VolumeRecords.ToVolume(response, Engine.Engine);
        }

        /// <summary>
        /// Removes a volume (<c>docker volume rm [-f]</c>). A volume a container uses is refused even with
        /// <paramref name="force"/>; force makes a missing volume no error, as <c>docker volume rm -f</c>.
        /// </summary>
        public async Task RemoveAsync(string name, bool force, CancellationToken cancellation)
        {
            try
            {
                await Call(c => c.Volumes.RemoveAsync(name, force, cancellation), cancellation).ConfigureAwait(false);
            }
            catch (EngineException e) when (force && e.ErrorId == "VolumeNotFound")
            {
                // docker volume rm -f: a volume that is not there is where -Force wants it.
            }
        }

        /// <summary>
        /// Removes every volume no container uses, matching the filters (<c>docker volume prune</c>). Over
        /// API 1.41 (engine 20.10) that is named and anonymous volumes alike; engines from 23.0 on prune
        /// only anonymous ones unless the filter <c>all=true</c> is given (API 1.42 and later).
        /// </summary>
        public async Task<PruneResult> PruneAsync(IDictionary<string, IDictionary<string, bool>>? filters, CancellationToken cancellation)
        {
            var response = await Call(c => c.Volumes.PruneAsync(new VolumesPruneParameters { Filters = filters }, cancellation), cancellation).ConfigureAwait(false);
            return new PruneResult
            {
                Engine = Engine.Engine,
                ResourceType = "Volume",
                Deleted = response.VolumesDeleted?.ToArray() ?? Array.Empty<string>(),
                SpaceReclaimed = (long)response.SpaceReclaimed,
            };
        }
    }
}
