using System;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// An image reference split the way the engine's pull endpoint wants it: the repository
    /// (<c>fromImage</c>, with any registry host and port) and the tag or digest (<c>tag</c>).
    /// <c>busybox</c> is <c>busybox:latest</c>; <c>127.0.0.1:5000/app</c> is
    /// <c>127.0.0.1:5000/app:latest</c>; <c>app@sha256:…</c> is pulled by digest.
    /// </summary>
    public sealed class ImageReference
    {
        private ImageReference(string repository, string? tag, string? digest)
        {
            Repository = repository;
            Tag = tag;
            Digest = digest;
        }

        /// <summary>The repository with its registry, if any (<c>127.0.0.1:5000/team/app</c>).</summary>
        public string Repository { get; }

        /// <summary>The tag (<c>latest</c> when neither tag nor digest is given), or null for a digest reference.</summary>
        public string? Tag { get; }

        /// <summary>The digest (<c>sha256:…</c>), or null.</summary>
        public string? Digest { get; }

        /// <summary>What the pull endpoint's <c>tag</c> parameter takes: the digest or the tag.</summary>
        public string TagOrDigest => Digest ?? Tag!;

        /// <summary>
        /// Reads a reference given as a tag to make (<c>docker tag</c>, <c>docker build -t</c>):
        /// <c>[registry/]repository[:tag]</c>, never a digest.
        /// </summary>
        /// <exception cref="InvalidSpecException">Not a reference, or a digest reference (spec "Tag").</exception>
        public static ImageReference ParseTag(string tag)
        {
            ImageReference reference;
            try
            {
                reference = Parse(tag);
            }
            catch (InvalidSpecException e)
            {
                var reason = e.Message.Replace("image reference", "tag");
                var use = reason.IndexOf(". Use ", StringComparison.Ordinal);
                throw new InvalidSpecException("Tag", tag, (use < 0 ? reason.TrimEnd('.') : reason.Substring(0, use)) + ". Use repository[:tag], e.g. 'app:1'.");
            }

            if (reference.Digest is not null)
            {
                throw new InvalidSpecException("Tag", tag, $"'{tag}' is a digest reference; a tag is [registry/]repository[:tag].");
            }

            return reference;
        }

        /// <summary>Splits a reference.</summary>
        /// <exception cref="InvalidSpecException">The reference is empty or has an empty part.</exception>
        public static ImageReference Parse(string reference)
        {
            var text = (reference ?? string.Empty).Trim();
            string? digest = null;
            var at = text.IndexOf('@');
            if (at >= 0)
            {
                digest = text.Substring(at + 1);
                text = text.Substring(0, at);
                if (digest.IndexOf(':') <= 0)
                {
                    throw Invalid(reference!, "the digest is not algorithm:hex");
                }
            }

            string? tag = null;
            var colon = text.LastIndexOf(':');
            if (colon > text.LastIndexOf('/'))
            {
                tag = text.Substring(colon + 1);
                text = text.Substring(0, colon);
                if (tag.Length == 0)
                {
                    throw Invalid(reference!, "the tag is empty");
                }
            }

            if (text.Length == 0 || text.EndsWith("/", StringComparison.Ordinal))
            {
                throw Invalid(reference ?? string.Empty, "the repository name is empty");
            }

            if (tag is not null && !TagPattern.IsMatch(tag))
            {
                throw Invalid(reference!, "a tag has at most 128 letters, digits, '_', '.' and '-', and does not start with '.' or '-'");
            }

            var components = text.Split('/');
            var first = components.Length > 1 && LooksLikeRegistry(components[0]) ? 1 : 0;
            if (first == 1 && !RegistryPattern.IsMatch(components[0]))
            {
                throw Invalid(reference!, $"'{components[0]}' is not a registry host[:port]");
            }

            for (var i = first; i < components.Length; i++)
            {
                if (!PathComponentPattern.IsMatch(components[i]))
                {
                    throw Invalid(reference!, "repository names are lowercase letters, digits and the separators '.', '_', '__' and '-'");
                }
            }

            return new ImageReference(text, digest is null ? tag ?? "latest" : tag, digest);
        }

        /// <inheritdoc />
        public override string ToString() => Repository + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

        private static readonly System.Text.RegularExpressions.Regex TagPattern =
            new System.Text.RegularExpressions.Regex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly System.Text.RegularExpressions.Regex PathComponentPattern =
            new System.Text.RegularExpressions.Regex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        private static readonly System.Text.RegularExpressions.Regex RegistryPattern =
            new System.Text.RegularExpressions.Regex(@"^(?:\[[0-9A-Fa-f:]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]+)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>Like the engine: a first component with '.' or ':', or "localhost", names a registry.</summary>
        private static bool LooksLikeRegistry(string component) =>
            component.IndexOf('.') >= 0 || component.IndexOf(':') >= 0 || component == "localhost";

        private static InvalidSpecException Invalid(string reference, string reason) =>
            new InvalidSpecException("Image", reference, $"'{reference}' is not a valid image reference: {reason}. Use name[:tag] or name@sha256:digest, e.g. 'busybox:1.36'.");
    }
}
