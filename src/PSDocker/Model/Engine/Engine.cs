using System;

namespace PSDocker
{
    /// <summary>
    /// The engine an object came from. Every PSDocker object carries one, so a cmdlet that receives the
    /// object acts on the same engine.
    /// </summary>
    public sealed class Engine
    {
        /// <summary>Creates an engine record.</summary>
        public Engine(Uri uri, string? context, string key)
        {
            ConnectionUri = uri;
            Uri = WithoutUserInfo(uri);
            Context = context;
            Key = key;
        }

        /// <summary>The engine's address, without user info (a password in DOCKER_HOST is never shown).</summary>
        public Uri Uri { get; }

        /// <summary>The address as given, user info included: for reconnecting only, never for display.</summary>
        internal Uri ConnectionUri { get; }

        /// <summary>The docker context it was reached through, if any.</summary>
        public string? Context { get; }

        /// <summary>The connection identity (address and TLS material).</summary>
        [System.Management.Automation.Hidden]
        public string Key { get; }

        /// <inheritdoc />
        public override string ToString() => Context ?? Uri.ToString();

        /// <summary>The address without user info (<c>tcp://user:secret@host</c> → <c>tcp://host</c>).</summary>
        internal static Uri WithoutUserInfo(Uri uri)
        {
            if (uri is null || !uri.IsAbsoluteUri || uri.UserInfo.Length == 0)
            {
                return uri!;
            }

            return new Uri(uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped));
        }
    }

    /// <summary>Base of every object read from an engine.</summary>
    public abstract class EngineObject
    {
        /// <summary>The engine this object came from.</summary>
        public Engine Engine { get; set; } = null!;
    }
}
