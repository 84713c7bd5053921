using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Docker.DotNet.Models;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The image records of the engine's API, turned into PSDocker's objects. Engine-side: the
    /// model types know nothing of Docker.DotNet.
    /// </summary>
    internal static class ImageRecords
    {
        /// <summary>The images of one listing record: one per repo:tag, or one <c>&lt;none&gt;</c> line.</summary>
        internal static IEnumerable<Image> ToImages(ImagesListResponse r, Engine engine) =>
            Image.Expand(r.ID, r.RepoTags, r.RepoDigests, r.Created, r.Size, r.Labels, r.ParentID, engine);

        /// <summary>The images of an inspection: one per repo:tag, or one <c>&lt;none&gt;</c> line.</summary>
        internal static IEnumerable<Image> ToImages(ImageInspectResponse r, Engine engine) =>
            Image.Expand(r.ID, r.RepoTags, r.RepoDigests, r.Created ?? default, r.Size, r.Config?.Labels, null, engine);

        /// <summary>Builds the detail from the engine's inspection.</summary>
        internal static ImageDetail ToDetail(ImageInspectResponse r, Engine engine) => new ImageDetail
        {
            Engine = engine,
            Id = r.ID,
            RepoTags = r.RepoTags?.Where(t => t != "<none>:<none>").ToArray() ?? Array.Empty<string>(),
            RepoDigests = r.RepoDigests?.ToArray() ?? Array.Empty<string>(),
            Comment = r.Comment ?? string.Empty,
            Created = (r.Created ?? default).ToLocalTime(),
            Author = r.Author ?? string.Empty,
            Architecture = r.Architecture ?? string.Empty,
            Os = r.Os ?? string.Empty,
            Size = r.Size,
            Command = r.Config?.Cmd?.ToArray() ?? Array.Empty<string>(),
            Entrypoint = r.Config?.Entrypoint?.ToArray() ?? Array.Empty<string>(),
            Environment = r.Config?.Env?.ToArray() ?? Array.Empty<string>(),
            WorkingDirectory = r.Config?.WorkingDir ?? string.Empty,
            User = r.Config?.User ?? string.Empty,
            ExposedPorts = r.Config?.ExposedPorts?.Keys.ToArray() ?? Array.Empty<string>(),
            Labels = r.Config?.Labels is { } labels ? new Dictionary<string, string>(labels) : new Dictionary<string, string>(),
            Layers = r.RootFS?.Layers?.ToArray() ?? Array.Empty<string>(),
        };

        internal static ImageLayer ToLayer(ImageHistoryResponse r, string image, Engine engine) => new ImageLayer
        {
            Engine = engine,
            Image = image,
            Id = string.IsNullOrEmpty(r.ID) ? ImageLayer.Missing : r.ID,
            Created = r.Created.ToLocalTime(),
            CreatedBy = r.CreatedBy ?? string.Empty,
            Size = r.Size,
            Comment = r.Comment ?? string.Empty,
            Tags = r.Tags is null ? Array.Empty<string>() : System.Linq.Enumerable.ToArray(r.Tags),
        };

        internal static ImageSearchResult ToSearchResult(ImageSearchResponse r, Engine engine) => new ImageSearchResult
        {
            Engine = engine,
            Name = r.Name ?? string.Empty,
            Description = r.Description ?? string.Empty,
            Stars = r.StarCount,
            Official = r.IsOfficial,
            Automated = r.IsAutomated,
        };
    }
}
