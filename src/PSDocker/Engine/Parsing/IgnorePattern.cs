using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// One line of a <c>.dockerignore</c> as moby's pattern matcher reads it: a cleaned, slash-separated
    /// pattern (an exception when it started with <c>!</c>) matched against slash-separated paths relative
    /// to the context. <c>*</c> and <c>?</c> stop at <c>/</c>, <c>**</c> crosses folders, <c>[...]</c> is a
    /// character class and <c>\</c> escapes the next character. Plain names compare exactly, a trailing
    /// <c>**</c> compares as a prefix and a leading <c>**</c> as a suffix, as moby does.
    /// </summary>
    internal sealed class IgnorePattern
    {
        private const string RegexSpecials = ".+()|{}$";

        private IgnorePatternKind _kind;
        private Regex? _regex;
        private string? _expression;

        /// <summary>Creates a pattern from its cleaned text (without the <c>!</c>).</summary>
        public IgnorePattern(string cleaned, bool exception)
        {
            Text = cleaned;
            IsException = exception;
            Segments = cleaned.Split('/');
        }

        /// <summary>The cleaned pattern, without the <c>!</c> of an exception.</summary>
        public string Text { get; }

        /// <summary>Whether the pattern re-includes what it matches (<c>!pattern</c>).</summary>
        public bool IsException { get; }

        /// <summary>The pattern's path segments.</summary>
        public string[] Segments { get; }

        /// <summary>How the pattern compares (compiled on first use).</summary>
        public IgnorePatternKind Kind
        {
            get
            {
                Compile();
                return _kind;
            }
        }

        /// <summary>The regular expression of a <see cref="IgnorePatternKind.Expression"/> pattern, as moby writes it.</summary>
        public string? Expression
        {
            get
            {
                Compile();
                return _expression;
            }
        }

        /// <summary>Whether a slash-separated path matches; a <see cref="FormatException"/> when the pattern is malformed.</summary>
        public bool Matches(string path)
        {
            Compile();
            switch (_kind)
            {
                case IgnorePatternKind.Exact:
                    return path == Text;
                case IgnorePatternKind.Prefix:
                    return path.StartsWith(Text.Substring(0, Text.Length - 2), StringComparison.Ordinal);
                case IgnorePatternKind.Suffix:
                    var suffix = Text.Substring(2);
                    if (path.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    // "**/name" also matches "name" itself.
                    return suffix.Length > 0 && suffix[0] == '/' && path == suffix.Substring(1);
                case IgnorePatternKind.Expression when _regex is not null:
                    return _regex.IsMatch(path);
                default:
                    throw BadPattern();
            }
        }

        /// <inheritdoc />
        public override string ToString() => (IsException ? "!" : string.Empty) + Text;

        private FormatException BadPattern() => new FormatException($"'{Text}' is not a valid pattern: syntax error in pattern.");

        private void Compile()
        {
            if (_kind != IgnorePatternKind.Unknown)
            {
                return;
            }

            var expression = new StringBuilder("^");
            var kind = IgnorePatternKind.Exact;
            var text = Text;
            var position = 0;
            for (var i = 0; position < text.Length; i++)
            {
                var ch = text[position++];
                if (ch == '*')
                {
                    if (position < text.Length && text[position] == '*')
                    {
                        position++;
                        if (position < text.Length && text[position] == '/')
                        {
                            position++; // "**/" is read as "**"
                        }

                        if (position == text.Length)
                        {
                            if (kind == IgnorePatternKind.Exact)
                            {
                                kind = IgnorePatternKind.Prefix;
                            }
                            else
                            {
                                expression.Append(".*");
                                kind = IgnorePatternKind.Expression;
                            }
                        }
                        else
                        {
                            expression.Append("(.*/)?");
                            kind = IgnorePatternKind.Expression;
                        }

                        if (i == 0)
                        {
                            kind = IgnorePatternKind.Suffix;
                        }
                    }
                    else
                    {
                        expression.Append("[^/]*");
                        kind = IgnorePatternKind.Expression;
                    }
                }
                else if (ch == '?')
                {
                    expression.Append("[^/]");
                    kind = IgnorePatternKind.Expression;
                }
                else if (RegexSpecials.IndexOf(ch) >= 0)
                {
                    expression.Append('\\').Append(ch);
                }
                else if (ch == '\\')
                {
                    if (position < text.Length)
                    {
                        expression.Append('\\').Append(text[position++]);
                        kind = IgnorePatternKind.Expression;
                    }
                    else
                    {
                        expression.Append('\\');
                    }
                }
                else if (ch == '[' || ch == ']')
                {
                    expression.Append(ch);
                    kind = IgnorePatternKind.Expression;
                }
                else
                {
                    expression.Append(ch);
                }
            }

            if (kind == IgnorePatternKind.Expression)
            {
                expression.Append('$');
                _expression = expression.ToString();
                try
                {
                    // \z rather than $: .NET's $ would also match before a final newline.
                    _regex = new Regex(_expression.Substring(0, _expression.Length - 1) + "\\z", RegexOptions.CultureInvariant);
                }
                catch (ArgumentException)
                {
                    _regex = null;
                }
            }

            _kind = kind;
        }
    }
}
