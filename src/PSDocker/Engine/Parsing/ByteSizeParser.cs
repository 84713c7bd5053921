using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Parses docker's memory sizes (<c>docker run -m</c>): a number with an optional binary unit
    /// b, k, m, g, t or p, optionally followed by <c>i</c> and/or <c>b</c>, any case: <c>512m</c>,
    /// <c>1g</c>, <c>1.5GiB</c>, <c>512MB</c>, <c>1048576</c>. Follows go-units <c>RAMInBytes</c>.
    /// </summary>
    public static class ByteSizeParser
    {
        private static readonly Regex Size = new Regex(@"^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Parses one size into bytes.</summary>
        /// <exception cref="InvalidSpecException">The text is not a size.</exception>
        public static long Parse(string text, string parameter = "Memory")
        {
            var m = Size.Match((text ?? string.Empty).Trim());
            if (!m.Success)
            {
                throw Invalid(text ?? string.Empty, parameter, "it is not a size");
            }

            if (!decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw Invalid(text!, parameter, "it is too large (at most 8 EiB)");
            }

            var exponent = m.Groups[2].Success ? "kmgtp".IndexOf(char.ToLowerInvariant(m.Groups[2].Value[0])) + 1 : 0;
            var bytes = number;
            try
            {
                for (var i = 0; i < exponent; i++)
                {
                    bytes *= 1024;
                }

                return decimal.ToInt64(decimal.Truncate(bytes));
            }
            catch (OverflowException)
            {
                throw Invalid(text!, parameter, "it is too large (at most 8 EiB)");
            }
        }

        /// <summary>A byte count given as a number (<c>512MB</c>, <c>1.5GB</c> in PowerShell): whole bytes, not negative, at most 8 EiB.</summary>
        /// <exception cref="InvalidSpecException">The number is negative or too large.</exception>
        public static long FromNumber(decimal number, string text, string parameter = "Memory")
        {
            if (number < 0)
            {
                throw Invalid(text, parameter, "it is negative");
            }

            if (number > long.MaxValue)
            {
                throw Invalid(text, parameter, "it is too large (at most 8 EiB)");
            }

            return decimal.ToInt64(decimal.Truncate(number));
        }

        /// <summary>The error for a number beyond any byte count (1.5e30).</summary>
        public static InvalidSpecException TooLarge(string text, string parameter = "Memory") => Invalid(text, parameter, "it is too large (at most 8 EiB)");

        private static InvalidSpecException Invalid(string text, string parameter, string reason) => new InvalidSpecException(
            parameter,
            text,
            $"'{text}' is not a valid size: {reason}. Give bytes as a number (512MB, 1GB) or a docker size ('512m', '1g', '1.5g').");
    }
}
