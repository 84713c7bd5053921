using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PSDocker.EngineAccess;

namespace PSDocker.Commands
{
    /// <summary>
    /// <para type="synopsis">Searches an image index for repositories (docker search).</para>
    /// <para type="description">Has the engine search Docker Hub, or the index the term starts with
    /// (127.0.0.1:5000/busybox), and emits an ImageSearchResult per repository: name, description, stars,
    /// official, automated. An index the engine cannot reach is one ImageSearchFailed error naming the
    /// term. -Credential (or the session's or the docker CLI's login for that index) goes to the engine
    /// for this search only, in no output.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "Image")]
    [OutputType(typeof(ImageSearchResult))]
    public sealed class FindImageCommand : DockerCmdlet
    {
        /// <summary>What to search for; an index host[:port]/ prefix searches that index.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[] Term { get; set; } = System.Array.Empty<string>();

        /// <summary>At most this many results (docker search --limit; the engine's default is 25).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int? Limit { get; set; }

        /// <summary>Only repositories with at least this many stars (--filter stars=N).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinimumStars { get; set; }

        /// <summary>Only official images (--filter is-official=true).</summary>
        [Parameter]
        public SwitchParameter Official { get; set; }

        /// <summary>Only automated builds (--filter is-automated=true).</summary>
        [Parameter]
        public SwitchParameter Automated { get; set; }

        /// <summary>An account for the index, for this search only (without it: what Connect-Registry kept, else the docker CLI's login).</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <inheritdoc />
        protected override string Noun => "Image";

        /// <inheritdoc />
        protected override void Process()
        {
            var filters = new Dictionary<string, IDictionary<string, bool>>();
            if (MinimumStars is { } stars)
            {
                filters["stars"] = new Dictionary<string, bool> { [stars.ToString(CultureInfo.InvariantCulture)] = true };
            }

            if (Official)
            {
                filters["is-official"] = new Dictionary<string, bool> { ["true"] = true };
            }

            if (Automated)
            {
                filters["is-automated"] = new Dictionary<string, bool> { ["true"] = true };
            }

            foreach (var term in Term)
            {
                foreach (var engine in TargetEngines)
                {
                    try
                    {
                        foreach (var result in Await(engine.Images.SearchAsync(term, Limit, filters.Count == 0 ? null : filters, Credential, CancellationToken)))
                        {
                            WriteObject(result);
                        }
                    }
                    catch (EngineException e)
                    {
                        Fail(e, term);
                    }
                }
            }
        }
    }
}
