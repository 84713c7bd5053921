using System;
using System.Collections.Generic;
using System.Linq;

namespace PSDocker
{
    /// <summary>
    /// One line of <c>docker images</c>: one repo:tag of an image (an image with three tags is three
    /// objects, all with the same <see cref="Id"/>), or an untagged image with <c>&lt;none&gt;</c>.
    /// </summary>
    public sealed class Image : EngineObject, IImageReference
    {
        /// <summary>What the engine and the docker CLI show for a missing repository or tag.</summary>
        public const string None = "<none>";

        /// <summary>The repository (<c>127.0.0.1:5000/team/app</c>), or <c>&lt;none&gt;</c>.</summary>
        public string Repository { get; set; } = None;

        /// <summary>The tag, or <c>&lt;none&gt;</c>.</summary>
        public string Tag { get; set; } = None;

        /// <summary>The full image id (<c>sha256:…</c>).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The id as the docker CLI shows it: 12 hex digits, without <c>sha256:</c>.</summary>
        public string ShortId => ResourceIds.Short(Id);

        /// <summary>When the image was created (local time).</summary>
        public DateTime Created { get; set; }

        /// <summary>The image's size in bytes, its layers included.</summary>
        public long Size { get; set; }

        /// <summary>The repository digests of the image (<c>repo@sha256:…</c>).</summary>
        public string[] Digests { get; set; } = Array.Empty<string>();

        /// <summary>The image's labels.</summary>
        public Dictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

        /// <summary>The id of the parent image (images built locally), or empty.</summary>
        public string ParentId { get; set; } = string.Empty;

        /// <summary><c>repository:tag</c>, or empty for an untagged image.</summary>
        public string Reference => Repository != None && Tag != None ? Repository + ":" + Tag : string.Empty;

        /// <summary>Whether the image has no tag at all (<c>docker images -f dangling=true</c>).</summary>
        public bool Dangling { get; set; }

        string IResourceReference.ResourceId => Id;

        string IResourceReference.ResourceName => Reference;

        /// <inheritdoc />
        public override string ToString() => Reference.Length > 0 ? Reference : ShortId;

        internal static IEnumerable<Image> Expand(string id, IEnumerable<string>? repoTags, IEnumerable<string>? repoDigests, DateTime created, long size, IDictionary<string, string>? labels, string? parent, Engine engine)
        {
            var tags = (repoTags ?? Enumerable.Empty<string>()).Where(t => t != "<none>:<none>").ToList();
            var digests = (repoDigests ?? Enumerable.Empty<string>()).Where(d => d != "<none>@<none>").ToArray();
            Image Make(string repository, string tag) => new Image
            {
                Engine = engine,
                Repository = repository,
                Tag = tag,
                Id = id,
                Created = created.ToLocalTime(),
                Size = size,
                Digests = digests,
                Labels = labels is null ? new Dictionary<string, string>() : new Dictionary<string, string>(labels),
                ParentId = parent ?? string.Empty,
                Dangling = tags.Count == 0,
            };

            if (tags.Count > 0)
            {
                foreach (var t in tags)
                {
                    var colon = t.LastIndexOf(':');
                    yield return colon > t.LastIndexOf('/') ? Make(t.Substring(0, colon), t.Substring(colon + 1)) : Make(t, None);
                }

                yield break;
            }

            // Untagged: the CLI shows the repository of a digest, if any, with tag <none>.
            var repositories = digests.Select(d => d.Substring(0, Math.Max(0, d.IndexOf('@')))).Where(r => r.Length > 0).Distinct().ToList();
            if (repositories.Count == 0)
            {
                yield return Make(None, None);
            }

            foreach (var repository in repositories)
            {
                yield return Make(repository, None);
            }
        }
    }
}
