using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// How <c>Get-Image</c> matches what a user typed against a listing line, like <c>docker images REF</c>:
    /// a reference with a tag (<c>app:1</c>, <c>app:*</c>) matches repo:tag; one without (<c>app</c>,
    /// <c>team/*</c>) matches the repository, every tag; a plain string no repository has is an id prefix.
    /// </summary>
    public static class ImageNameMatch
    {
        /// <summary>Whether <paramref name="image"/> is named by <paramref name="name"/>, given the whole listing.</summary>
        public static bool Matches(Image image, string name, IEnumerable<Image> listing)
        {
            var hasTag = name.LastIndexOf(':') > name.LastIndexOf('/');
            var subject = hasTag ? image.Reference : image.Repository;
            if (WildcardPattern.ContainsWildcardCharacters(name))
            {
                return subject.Length > 0 && subject != Image.None && new WildcardPattern(name, WildcardOptions.IgnoreCase).IsMatch(subject);
            }

            if (string.Equals(subject, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Not a repository (or repo:tag) of any listed image: an id prefix, as the engine reads it.
            var isName = listing.Any(i => string.Equals(hasTag ? i.Reference : i.Repository, name, StringComparison.OrdinalIgnoreCase));
            return !isName && IsIdPrefix(image.Id, name);
        }

        /// <summary>Whether <paramref name="prefix"/> (with or without <c>sha256:</c>) starts the id.</summary>
        public static bool IsIdPrefix(string id, string prefix)
        {
            var hex = id.StartsWith("sha256:", StringComparison.Ordinal) ? id.Substring(7) : id;
            var p = prefix.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? prefix.Substring(7) : prefix;
            return p.Length > 0 && hex.StartsWith(p, StringComparison.OrdinalIgnoreCase);
        }
    }
}
