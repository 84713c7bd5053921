using System;
using System.Collections.Generic;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The docker CLI's detach-key syntax (<c>--detach-keys</c>): comma-separated keys, each a single
    /// ASCII character (<c>a</c>, <c>~</c>), <c>ctrl-@</c>, <c>ctrl-a</c>…<c>ctrl-z</c>, <c>ctrl-[</c>,
    /// <c>ctrl-\</c>, <c>ctrl-]</c>, <c>ctrl-^</c>, <c>ctrl-_</c> (codes 0 to 31), or <c>DEL</c> (127).
    /// Names are matched exactly, as the docker CLI does (<c>ctrl-P</c> is not a key).
    /// </summary>
    public static class DetachKeys
    {
        /// <summary>The docker CLI's default sequence: Ctrl+P then Ctrl+Q.</summary>
        public const string Default = "ctrl-p,ctrl-q";

        private const string ControlKeys = "@abcdefghijklmnopqrstuvwxyz[\\]^_";

        /// <summary>The bytes a detach-key string stands for; an unknown key is an <see cref="InvalidSpecException"/>.</summary>
        public static byte[] Parse(string keys)
        {
            var codes = new List<byte>();
            foreach (var key in keys.Split(','))
            {
                if (key.Length == 1 && key[0] < 128)
                {
                    codes.Add((byte)key[0]);
                }
                else if (key.Length == 6 && key.StartsWith("ctrl-", StringComparison.Ordinal) && ControlKeys.IndexOf(key[5]) is var code && code >= 0)
                {
                    codes.Add((byte)code);
                }
                else if (key == "DEL")
                {
                    codes.Add(127);
                }
                else
                {
                    throw new InvalidSpecException(
                        "DetachKeys",
                        keys,
                        $"Invalid detach keys ({keys}): unknown key '{key}'. Give comma-separated keys, each a single character, 'ctrl-' with one of a-z @ [ \\ ] ^ _, or DEL: for example 'ctrl-p,ctrl-q' (the default) or 'ctrl-x,x'.");
                }
            }

            return codes.ToArray();
        }
    }
}
