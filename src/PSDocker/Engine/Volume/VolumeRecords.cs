using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The volume records of the engine's API, turned into PSDocker's objects. Engine-side: the
    /// model types know nothing of Docker.DotNet.
    /// </summary>
    internal static class VolumeRecords
    {
        /// <summary>Builds a volume from the engine's listing or inspection record.</summary>
        internal static ContainerVolume ToVolume(VolumeResponse r, Engine engine) => new ContainerVolume
        {
            Engine = engine,
            Name = r.Name ?? string.Empty,
            Driver = r.Driver ?? string.Empty,
            Mountpoint = r.Mountpoint ?? string.Empty,
            Labels = r.Labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Labels),
            Scope = r.Scope ?? string.Empty,
            Created = DateTime.TryParse(r.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var created)
                ? created.ToLocalTime()
                : null,
            Options = r.Options is null ? new Dictionary<string, string>() : new Dictionary<string, string>(r.Options),
        };
    }
}
