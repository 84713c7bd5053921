using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Reads <c>.env</c> and <c>env_file</c> files as compose does (compose-go's dotenv parser):
    /// <c>KEY=value</c> or <c>KEY: value</c>, an optional <c>export</c> prefix, <c>#</c> comment lines and
    /// <c> #</c> comments after unquoted values, single quotes (literal), double quotes (escapes
    /// <c>\n \t \" \\ \$</c>… and variables expanded), multi-line quoted values, a bare <c>KEY</c> taken
    /// from the environment, <c>${VAR}</c> expanded in unquoted and double-quoted values (from the
    /// environment first, then the lines above).
    /// </summary>
    internal static class ComposeDotEnv
    {
        private static readonly Regex EscapeSequence = new Regex(@"\\(?:[abcfnrtv$""\\]|0[0-7]{0,3})", RegexOptions.CultureInvariant);
        private static readonly Regex ExportPrefix = new Regex(@"^export\s+", RegexOptions.CultureInvariant);

        /// <summary>Parses the text of an env file; <paramref name="lookup"/> gives the environment (null = not set).</summary>
        /// <exception cref="ComposeFileException">ComposeEnvFileInvalid naming the file and line.</exception>
        public static IDictionary<string, string> Parse(string text, string file, Func<string, string?> lookup)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            var pos = 0;
            var line = 1;
            while (true)
            {
                // The start of the next statement: skip white space and comment lines.
                while (pos < text.Length && char.IsWhiteSpace(text[pos]))
                {
                    if (text[pos] == '\n')
                    {
                        line++;
                    }

                    pos++;
                }

                if (pos >= text.Length)
                {
                    break;
                }

                if (text[pos] == '#')
                {
                    var newline = text.IndexOf('\n', pos);
                    if (newline < 0)
                    {
                        break;
                    }

                    pos = newline;
                    continue;
                }

                // The key.
                var rest = text.Substring(pos);
                var export = ExportPrefix.Match(rest);
                if (export.Success)
                {
                    pos += export.Length;
                }

                var keyStart = pos;
                var inherited = false;
                var key = (string?)null;
                for (; pos < text.Length; pos++)
                {
                    var c = text[pos];
                    if (IsSpace(c))
                    {
                        continue;
                    }

                    if (c is '=' or ':' or '\n')
                    {
                        key = text.Substring(keyStart, pos - keyStart);
                        inherited = c == '\n';
                        pos++;
                        break;
                    }

                    if (c is '_' or '.' or '-' or '[' or ']' || char.IsLetterOrDigit(c))
                    {
                        continue;
                    }

                    var firstLine = text.Substring(keyStart).Split('\n')[0];
                    throw Invalid(file, line, $"line {line}: unexpected character \"{c}\" in variable name \"{firstLine.TrimEnd('\r')}\"");
                }

                if (key is null)
                {
                    // The last line, a bare KEY without a newline.
                    key = text.Substring(keyStart);
                    inherited = true;
                    pos = text.Length;
                }

                key = key.TrimEnd();
                if (key.IndexOf(' ') >= 0)
                {
                    throw Invalid(file, line, $"line {line}: key cannot contain a space");
                }

                if (inherited)
                {
                    line++;
                    if (lookup(key) is { } inheritedValue)
                    {
                        result[key] = inheritedValue;
                    }

                    continue;
                }

                while (pos < text.Length && IsSpace(text[pos]))
                {
                    pos++;
                }

                result[key] = ReadValue(text, ref pos, ref line, file, result, lookup);
            }

            return result;
        }

        private static string ReadValue(string text, ref int pos, ref int line, string file, Dictionary<string, string> seen, Func<string, string?> lookup)
        {
            var quote = pos < text.Length && (text[pos] == '"' || text[pos] == '\'') ? text[pos] : '\0';
            if (quote == '\0')
            {
                var newline = text.IndexOf('\n', pos);
                var value = newline < 0 ? text.Substring(pos) : text.Substring(pos, newline - pos);
                pos = newline < 0 ? text.Length : newline + 1;
                line++;
                var comment = value.IndexOf(" #", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    value = value.Substring(0, comment);
                }

                return Expand(value.TrimEnd(), file, line - 1, seen, lookup);
            }

            var startLine = line;
            var chars = new StringBuilder();
            var escaped = false;
            for (var i = pos + 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                }

                if (c != quote)
                {
                    if (!escaped && c == '\\')
                    {
                        escaped = true;
                        continue;
                    }

                    if (escaped)
                    {
                        escaped = false;
                        chars.Append('\\');
                    }

                    chars.Append(c);
                    continue;
                }

                if (escaped)
                {
                    escaped = false;
                    chars.Append(c);
                    continue;
                }

                pos = i + 1;
                var value = chars.ToString();
                return quote == '"' ? Expand(ExpandEscapes(value), file, startLine, seen, lookup) : value;
            }

            var end = text.IndexOf('\n', pos);
            throw Invalid(file, line, $"line {line}: unterminated quoted value {(end < 0 ? text.Substring(pos) : text.Substring(pos, end - pos)).TrimEnd('\r')}");
        }

        private static string ExpandEscapes(string value) => EscapeSequence.Replace(value, m =>
        {
            var s = m.Value;
            switch (s[1])
            {
                case '$': return "$$";
                case 'a': return "\a";
                case 'b': return "\b";
                case 'f': return "\f";
                case 'n': return "\n";
                case 'r': return "\r";
                case 't': return "\t";
                case 'v': return "\v";
                case '"': return "\"";
                case '\\': return "\\";
                default:
                    // \0NNN: an octal escape (Go reads it as \NNN, which needs three digits).
                    var digits = s.Substring(2);
                    return digits.Length == 3 ? ((char)System.Convert.ToInt32(digits, 8)).ToString(CultureInfo.InvariantCulture) : s;
            }
        });

        private static string Expand(string value, string file, int line, Dictionary<string, string> seen, Func<string, string?> lookup)
        {
            var interpolator = new ComposeInterpolator(name => lookup(name) ?? (seen.TryGetValue(name, out var v) ? v : null));
            try
            {
                return interpolator.Substitute(value);
            }
            catch (ComposeFileException e)
            {
                throw new ComposeFileException(e.ErrorId, e.Reason, file, line, 1);
            }
        }

        private static bool IsSpace(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0';

        private static ComposeFileException Invalid(string file, int line, string message) =>
            new ComposeFileException("ComposeEnvFileInvalid", message, file, line, 1);
    }
}
