using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// The IP address forms the docker CLI takes (Go's <c>net.ParseIP</c>): IPv4 only as a dotted quad of
    /// four decimal parts 0-255, and IPv6. <see cref="IPAddress.TryParse(string, out IPAddress)"/> is too
    /// lenient for user input: it reads <c>127</c> as 0.0.0.127 and <c>80</c> as 0.0.0.80.
    /// </summary>
    public static class IpAddressSyntax
    {
        /// <summary>Whether the text is an IPv4 address of four decimal parts 0-255 without leading zeros.</summary>
        public static bool IsDottedQuad(string? text)
        {
            var parts = (text ?? string.Empty).Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0')
                    || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > 255)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the text is an IPv6 address, unbracketed (<c>::1</c>, <c>2001:db8::53</c>).</summary>
        public static bool IsIPv6(string? text) =>
            text is { Length: > 0 } t && t.IndexOf(':') >= 0 && t.IndexOf('%') < 0 && t[0] != '['
            && IPAddress.TryParse(t, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

        /// <summary>Whether the text is a dotted-quad IPv4 or an IPv6 address.</summary>
        public static bool IsAddress(string? text) => IsDottedQuad(text) || IsIPv6(text);
    }
}
