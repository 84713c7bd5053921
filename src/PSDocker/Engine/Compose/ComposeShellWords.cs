using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PSDocker.EngineAccess
{
    /// <summary>
    /// Splits a <c>command</c>/<c>entrypoint</c> string the way compose does (mattn/go-shellwords without
    /// environment or backtick expansion): white space separates words; single quotes keep everything;
    /// double quotes keep white space; a backslash escapes the next character outside single quotes; an
    /// unquoted <c>; &amp; | &lt; &gt;</c> ends the command (what follows is dropped, as compose drops it).
    /// </summary>
    internal static class ComposeShellWords
    {
        /// <summary>The words; null when a quote or escape is left open ("invalid command line string").</summary>
        public static string[]? Split(string line)
        {
            var words = new List<string>();
            var buffer = new StringBuilder();
            bool got = false, escaped = false, single = false, dbl = false;
            foreach (var c in line)
            {
                if (escaped)
                {
                    buffer.Append(c);
                    escaped = false;
                    got = true;
                    continue;
                }

                if (c == '\\')
                {
                    if (single)
                    {
                        buffer.Append(c);
                    }
                    else
                    {
                        escaped = true;
                    }

                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (single || dbl)
                    {
                        buffer.Append(c);
                    }
                    else if (got)
                    {
                        words.Add(buffer.ToString());
                        buffer.Clear();
                        got = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"' when !single:
                        got |= dbl;
                        dbl = !dbl;
                        continue;
                    case '\'' when !dbl:
                        got |= single;
                        single = !single;
                        continue;
                    case '(' when !single && !dbl:
                        return null;
                    case ';' or '&' or '|' or '<' or '>' when !single && !dbl:
                        if (c == '>' && buffer.Length > 0 && buffer.ToString().All(char.IsDigit))
                        {
                            got = false;
                        }

                        goto end;
                }

                buffer.Append(c);
                got = true;
            }

        end:
            if (escaped || single || dbl)
            {
                return null;
            }

            if (got)
            {
                words.Add(buffer.ToString());
            }

            return words.ToArray();
        }
    }
}
