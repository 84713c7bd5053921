using System;
using System.Collections.Generic;
using System.Text;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Compose's variable substitution (compose-go's <c>template.Substitute</c>): <c>$$</c> is a literal
    /// <c>$</c>; <c>$VAR</c> and <c>${VAR}</c> the variable (blank, with a warning, when unset);
    /// <c>${VAR:-default}</c>/<c>${VAR-default}</c> a default when unset or empty/unset; <c>${VAR:+alt}</c>/
    /// <c>${VAR+alt}</c> an alternative when set and non-empty/set; <c>${VAR:?msg}</c>/<c>${VAR?msg}</c> an
    /// error when unset or empty/unset. Defaults, alternatives and messages are themselves substituted.
    /// A <c>$</c> followed by anything else stays as it is; <c>${</c> without a valid name is an error.
    /// </summary>
    internal sealed class ComposeInterpolator
    {
        private readonly Func<string, string?> _lookup;
        private readonly ICollection<string>? _warnings;

        /// <param name="lookup">The value of a variable, or null when it is not set.</param>
        /// <param name="warnings">Collects "variable is not set" warnings (once each); null = none.</param>
        public ComposeInterpolator(Func<string, string?> lookup, ICollection<string>? warnings = null)
        {
            _lookup = lookup;
            _warnings = warnings;
        }

        /// <summary>Substitutes the variables of one value.</summary>
        /// <exception cref="ComposeFileException">ComposeVariableRequired or ComposeInterpolationInvalid, without a place (the caller adds it).</exception>
        public string Substitute(string template)
        {
            if (template.IndexOf('$') < 0)
            {
                return template;
            }

            var result = new StringBuilder(template.Length);
            var i = 0;
            while (i < template.Length)
            {
                var c = template[i];
                if (c != '$' || i + 1 >= template.Length)
                {
                    result.Append(c);
                    i++;
                    continue;
                }

                var next = template[i + 1];
                if (next == '$')
                {
                    result.Append('$');
                    i += 2;
                }
                else if (IsNameStart(next))
                {
                    var end = i + 1;
                    while (end < template.Length && IsNamePart(template[end]))
                    {
                        end++;
                    }

                    result.Append(Lookup(template.Substring(i + 1, end - i - 1)));
                    i = end;
                }
                else if (next == '{')
                {
                    var close = ClosingBrace(template, i);
                    if (close < 0)
                    {
                        throw Invalid(template);
                    }

                    result.Append(Braced(template.Substring(i + 2, close - i - 2), template));
                    i = close + 1;
                }
                else
                {
                    result.Append(c);
                    i++;
                }
            }

            return result.ToString();
        }

        private string Braced(string inner, string template)
        {
            if (inner.Length == 0 || !IsNameStart(inner[0]))
            {
                throw Invalid(template);
            }

            var n = 1;
            while (n < inner.Length && IsNamePart(inner[n]))
            {
                n++;
            }

            var name = inner.Substring(0, n);
            if (n == inner.Length)
            {
                return Lookup(name);
            }

            var colon = inner[n] == ':';
            var opIndex = colon ? n + 1 : n;
            if (opIndex >= inner.Length || (inner[opIndex] != '-' && inner[opIndex] != '+' && inner[opIndex] != '?'))
            {
                throw Invalid(template);
            }

            var op = inner[opIndex];
            var argument = inner.Substring(opIndex + 1);
            var value = _lookup(name);
            var set = value is not null;
            var usable = set && (!colon || value!.Length > 0);
            switch (op)
            {
                case '-':
                    return usable ? value! : Substitute(argument);
                case '+':
                    return usable ? Substitute(argument) : value ?? string.Empty;
                default:
                    if (usable)
                    {
                        return value!;
                    }

                    var message = Substitute(argument);
                    throw new ComposeFileException(
                        "ComposeVariableRequired",
                        message.Length > 0 ? $"required variable {name} is missing a value: {message}" : $"required variable {name} is missing a value",
                        category: System.Management.Automation.ErrorCategory.InvalidData);
            }
        }

        private string Lookup(string name)
        {
            var value = _lookup(name);
            if (value is null)
            {
                var warning = $"The \"{name}\" variable is not set. Defaulting to a blank string.";
                if (_warnings is not null && !_warnings.Contains(warning))
                {
                    _warnings.Add(warning);
                }

                return string.Empty;
            }

            return value;
        }

        // compose-go's getFirstBraceClosingIndex: from the '$', each '{' opens (and skips the character after it), each '}' closes.
        private static int ClosingBrace(string s, int start)
        {
            var open = 0;
            for (var i = start; i < s.Length; i++)
            {
                if (s[i] == '}')
                {
                    open--;
                    if (open == 0)
                    {
                        return i;
                    }
                }

                if (s[i] == '{')
                {
                    open++;
                    i++;
                }
            }

            return -1;
        }

        private static bool IsNameStart(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

        private static ComposeFileException Invalid(string template) => new ComposeFileException(
            "ComposeInterpolationInvalid",
            $"invalid interpolation format \"{template}\"; you may need to escape any $ with another $");
    }
}
