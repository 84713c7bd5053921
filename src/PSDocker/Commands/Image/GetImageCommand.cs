using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists images, one object per repo:tag (docker images).</para>
    /// <para type="description">Without names it lists every tagged and untagged top-level image, as docker
    /// images does; -All adds intermediate images. A name with a tag (app:1, app:*) matches repo:tag; a name
    /// without one (app, team/*) matches every tag of the repository; anything else is an id prefix.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Image", DefaultParameterSetName = ParameterSets.Name)]
    [OutputType(typeof(Image))]
    public sealed class GetImageCommand : ResourceListCmdlet
    {
        /// <summary>Only untagged images (docker images --filter dangling=true).</summary>
        [Parameter]
        public SwitchParameter Dangling { get; set; }

        /// <summary>Only images with these labels: <c>key</c>, <c>key=value</c> or a hashtable; all must match.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [LabelFilterTransformation]
        public string[]? Label { get; set; }

        /// <summary>Also list intermediate images (docker images -a).</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void List()
        {
            var query = new ImageQuery { All = All, Dangling = Dangling };
            foreach (var l in Label ?? Array.Empty<string>())
            {
                query.Labels.Add(l);
            }

            var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            WriteListings(engine => engine.Images.ListAsync(query, CancellationToken), images => images.Where(i => Selected(i, images, found)).ToList());
            WriteNotFound(Request.Names.Concat(Request.Ids).Where(n => !WildcardPattern.ContainsWildcardCharacters(n) && !found.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase), "image", query.IsFiltered);
        }

        private bool Selected(Image image, IList<Image> listing, HashSet<string> found)
        {
            if (Request.Names.Count == 0 && Request.Ids.Count == 0)
            {
                return true;
            }

            var hit = false;
            foreach (var name in Request.Names)
            {
                if (ImageNameMatch.Matches(image, name, listing))
                {
                    found.Add(name);
                    hit = true;
                }
            }

            foreach (var id in Request.Ids.Where(i => ImageNameMatch.IsIdPrefix(image.Id, i)))
            {
                found.Add(id);
                hit = true;
            }

            return hit;
        }
    }
}
