using System;

namespace PSDocker
{
    /// <summary>
    /// A resource's name or id as a user types it (<c>-Name web</c>, <c>'web' | Stop-Container</c>, id
    /// prefixes as numbers too). It is made only from text, never from another object's text: a piped
    /// log entry or process is refused at binding instead of being read as a name through its ToString —
    /// so a pipeline can never act on a resource that only happens to be named like some object's text.
    /// An empty name is refused the same way.
    /// </summary>
    public sealed class NameOrId
    {
        /// <summary>Creates a name or id; empty text is refused.</summary>
        public NameOrId(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException("A name or id cannot be empty.", nameof(value));
            }

            Value = value;
        }

        /// <summary>Creates the id of a resource that lives on <paramref name="engine"/> (a compose service's containers): the container cmdlets act on it there.</summary>
        internal NameOrId(string value, Engine engine)
            : this(value)
        {
            Engine = engine;
        }

        /// <summary>The engine the resource lives on, when the id came from an object that knows it; null for typed text.</summary>
        internal Engine? Engine { get; }

        /// <summary>The text.</summary>
        public string Value { get; }

        /// <inheritdoc />
        public override string ToString() => Value;
    }
}
