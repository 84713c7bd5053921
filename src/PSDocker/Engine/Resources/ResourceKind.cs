using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// What the generic cmdlet bases and completers need to know of a kind of engine resource (containers,
    /// images, networks, …): its noun, how to list it, how the engine resolves a user's reference to it,
    /// and its id and names. One instance per kind, registered in <see cref="ResourceKinds"/>.
    /// </summary>
    public interface IResourceKind
    {
        /// <summary>The noun (Container, Image, …): ErrorIds and messages use it.</summary>
        string Noun { get; }

        /// <summary>
        /// The names completion may offer on one engine for what the user has typed, with a tooltip each:
        /// at least every name that starts with <paramref name="prefix"/> (case-insensitively); the
        /// completer keeps only those.
        /// </summary>
        Task<IList<(string Name, string Tooltip)>> CompletionNamesAsync(EngineConnection engine, string prefix, CancellationToken cancellation);
    }

    /// <summary>A kind of engine resource whose listing objects are <typeparamref name="T"/>.</summary>
    public abstract class ResourceKind<T> : IResourceKind
        where T : class
    {
        /// <inheritdoc />
        public abstract string Noun { get; }

        /// <summary>Every resource of the kind on one engine.</summary>
        public abstract Task<IList<T>> ListAsync(EngineConnection engine, CancellationToken cancellation);

        /// <summary>The resource a user's reference names, resolved by the engine in its own order; null when there is none.</summary>
        public abstract Task<T?> FindAsync(EngineConnection engine, string reference, CancellationToken cancellation);

        /// <summary>The full id of a resource.</summary>
        public abstract string IdOf(T resource);

        /// <summary>The names a resource answers to; the first is the one shown.</summary>
        public abstract IReadOnlyList<string> NamesOf(T resource);

        /// <summary>What a listed resource is acted on by (its id; images: the repo:tag it was listed as).</summary>
        public virtual string ReferenceOf(T resource) => IdOf(resource);

        /// <summary>What a piped object is acted on by (its resource id; images: the repo:tag it stands for).</summary>
        public virtual string ReferenceOf(IResourceReference item) => item.ResourceId;

        /// <summary>The tooltip completion shows for a resource.</summary>
        public virtual string Describe(T resource) => IdOf(resource);

        /// <summary>Whether a reference is a full id (a piped object's), which needs no resolving.</summary>
        public virtual bool IsFullId(string reference) =>
            reference.Length == 64 && reference.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        /// <summary>How a resource is named to the user: its first name, else its short id.</summary>
        public string DisplayName(T resource) => NamesOf(resource).FirstOrDefault(n => n.Length > 0) ?? ResourceIds.Short(IdOf(resource));

        /// <summary>
        /// The resources completion lists for what the user has typed: at least those whose names start with
        /// <paramref name="prefix"/>. By default all of them; a kind whose engine filters by name asks it to.
        /// </summary>
        protected virtual Task<IList<T>> ListForCompletionAsync(EngineConnection engine, string prefix, CancellationToken cancellation) =>
            ListAsync(engine, cancellation);

        /// <inheritdoc />
        public async Task<IList<(string Name, string Tooltip)>> CompletionNamesAsync(EngineConnection engine, string prefix, CancellationToken cancellation)
        {
            var list = await ListForCompletionAsync(engine, prefix, cancellation).ConfigureAwait(false);
            return list.Select(r => (DisplayName(r), Describe(r))).ToList();
        }
    }

    /// <summary>The registry of resource kinds: by listing type for the generic bases, by noun for completion.</summary>
    public static class ResourceKinds
    {
        private static readonly IReadOnlyList<IResourceKind> All = new IResourceKind[]
        {
            ContainerKind.Instance,
            ImageKind.Instance,
            NetworkKind.Instance,
            VolumeKind.Instance,
        };

        /// <summary>The kind whose listing objects are <typeparamref name="T"/>.</summary>
        public static ResourceKind<T> Of<T>()
            where T : class =>
            All.OfType<ResourceKind<T>>().FirstOrDefault() ?? throw new InvalidOperationException("No resource kind lists " + typeof(T).Name + ".");

        /// <summary>The kind with that noun, or null.</summary>
        public static IResourceKind? ByNoun(string noun) =>
            All.FirstOrDefault(k => string.Equals(k.Noun, noun, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The kind a command acts on, from its name: the noun of a kind the command's noun ends with
        /// (<c>Remove-ContainerNetwork</c>: networks, <c>Get-DockerContainer</c> imported with -Prefix:
        /// containers), else the longest noun of a kind inside it (<c>Get-ContainerLog</c>: containers).
        /// Null when none fits.
        /// </summary>
        public static IResourceKind? ForCommand(string commandName)
        {
            var dash = commandName.IndexOf('-');
            var noun = dash < 0 ? commandName : commandName.Substring(dash + 1);
            return All
                .Where(k => noun.IndexOf(k.Noun, StringComparison.OrdinalIgnoreCase) >= 0)
                .OrderByDescending(k => noun.EndsWith(k.Noun, StringComparison.OrdinalIgnoreCase))
                .ThenByDescending(k => k.Noun.Length)
                .FirstOrDefault();
        }
    }
}
