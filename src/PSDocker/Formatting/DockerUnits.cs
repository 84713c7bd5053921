using System;
using System.Globalization;
using System.Numerics;

namespace PSDocker
{
    /// <summary>
    /// Numbers as the docker CLI prints them (Go's go-units and strconv), digit for digit, for views:
    /// <c>docker stats</c>' <c>1.5MiB / 7.6GiB</c>, <c>12.3kB / 4.5kB</c> and <c>0.25%</c>. Rounding is
    /// Go's: on the exact binary value, ties to even.
    /// </summary>
    public static class DockerUnits
    {
        private static readonly string[] Binary = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB" };
        private static readonly string[] Decimal = { "B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB" };

        /// <summary>go-units BytesSize: binary units, 4 significant digits (<c>1.5MiB</c>).</summary>
        public static string BytesSize(double size) => Scaled(size, 1024.0, Binary, 4);

        /// <summary>go-units HumanSizeWithPrecision(size, 3): decimal units, 3 significant digits (<c>12.3kB</c>).</summary>
        public static string HumanSize(double size) => Scaled(size, 1000.0, Decimal, 3);

        /// <summary>A percentage with two decimals, as docker stats prints it (<c>0.25%</c>).</summary>
        public static string Percentage(double value) => FormatF(value, 2) + "%";

        /// <summary>Go's <c>%.{precision}g</c>.</summary>
        public static string FormatG(double value, int precision)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }

            var negative = value < 0;
            var (digits, point) = Round(ExactDigits(Math.Abs(value)), precision);
            var sign = negative ? "-" : string.Empty;
            if (digits.Length == 0)
            {
                return sign + "0";
            }

            var count = digits.Length;
            var exponentPrecision = precision;
            if (exponentPrecision > count && count >= point)
            {
                exponentPrecision = count;
            }

            var exponent = point - 1;
            if (exponent < -4 || exponent >= exponentPrecision)
            {
                var shown = precision > count ? count : precision;
                var mantissa = digits.Substring(0, 1) + (shown > 1 ? "." + digits.Substring(1).PadRight(shown - 1, '0').Substring(0, shown - 1) : string.Empty);
                return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            }

            var p = precision > point ? count : precision;
            return sign + Fixed(digits, point, Math.Max(p - point, 0));
        }

        /// <summary>Go's <c>strconv.FormatFloat(value, 'f', decimals, 64)</c>.</summary>
        public static string FormatF(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }

            var (all, point) = ExactDigits(Math.Abs(value));
            var (digits, roundedPoint) = Round((all, point), point + decimals);
            var text = digits.Length == 0 ? Fixed("0", 1, decimals) : Fixed(digits, roundedPoint, decimals);
            return (value < 0 && digits.Length > 0 ? "-" : string.Empty) + text;
        }

        private static string Scaled(double size, double unitBase, string[] units, int precision)
        {
            var i = 0;
            while (size >= unitBase && i < units.Length - 1)
            {
                size /= unitBase;
                i++;
            }

            return FormatG(size, precision) + units[i];
        }

        /// <summary>Digits (no leading or trailing zeros) and decimal point position laid out to <paramref name="decimals"/> places.</summary>
        private static string Fixed(string digits, int point, int decimals)
        {
            var integer = point > 0
                ? (point >= digits.Length ? digits + new string('0', point - digits.Length) : digits.Substring(0, point))
                : "0";
            var fraction = point >= 0
                ? (digits.Length > point ? digits.Substring(point) : string.Empty)
                : new string('0', -point) + digits;
            fraction = fraction.PadRight(decimals, '0').Substring(0, decimals);
            return decimals > 0 ? integer + "." + fraction : integer;
        }

        /// <summary>The exact decimal digits of a non-negative double and where its decimal point falls.</summary>
        private static (string Digits, int Point) ExactDigits(double value)
        {
            if (value == 0)
            {
                return (string.Empty, 0);
            }

            var bits = BitConverter.DoubleToInt64Bits(value);
            var exponent = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0)
            {
                exponent = 1;
            }
            else
            {
                mantissa |= 1L << 52;
            }

            exponent -= 1075;
            string digits;
            int point;
            if (exponent >= 0)
            {
                digits = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
                point = digits.Length;
            }
            else
            {
                // m / 2^k = m * 5^k / 10^k
                digits = (new BigInteger(mantissa) * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
                point = digits.Length + exponent;
            }

            var trimmed = digits.TrimEnd('0');
            return (trimmed, point);
        }

        /// <summary>Rounds exact digits to <paramref name="keep"/> digits, ties to even (Go's decimal rounding); trailing zeros dropped.</summary>
        private static (string Digits, int Point) Round((string Digits, int Point) number, int keep)
        {
            var (digits, point) = number;
            if (keep < 0)
            {
                return (string.Empty, point);
            }

            if (keep >= digits.Length)
            {
                return (digits, point);
            }

            var up = digits[keep] > '5'
                || (digits[keep] == '5' && (keep + 1 < digits.Length || (keep > 0 && (digits[keep - 1] - '0') % 2 == 1)));
            var kept = digits.Substring(0, keep).ToCharArray();
            if (up)
            {
                var i = kept.Length - 1;
                while (i >= 0 && kept[i] == '9')
                {
                    kept[i] = '0';
                    i--;
                }

                if (i < 0)
                {
                    return ("1", point + 1);
                }

                kept[i]++;
            }

            var result = new string(kept).TrimEnd('0');
            return (result, point);
        }
    }
}
