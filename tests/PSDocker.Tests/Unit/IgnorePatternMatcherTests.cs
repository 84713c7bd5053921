using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>
/// The .dockerignore matcher against moby/patternmatcher's own test tables (patternmatcher_test.go,
/// ignorefile_test.go), row for row, plus the docker CLI's context rules built on it.
/// </summary>
public sealed class IgnorePatternMatcherTests
{
    // TestMatches: one pattern, one path; checked through every way the matcher is used.
    public static TheoryData<string, string, bool> SinglePatternRows() => new()
    {
        { "**", "file", true },
        { "**", "file/", true },
        { "**/", "file", true },
        { "**/", "file/", true },
        { "**", "/", true },
        { "**/", "/", true },
        { "**", "dir/file", true },
        { "**/", "dir/file", true },
        { "**", "dir/file/", true },
        { "**/", "dir/file/", true },
        { "**/**", "dir/file", true },
        { "**/**", "dir/file/", true },
        { "dir/**", "dir/file", true },
        { "dir/**", "dir/file/", true },
        { "dir/**", "dir/dir2/file", true },
        { "dir/**", "dir/dir2/file/", true },
        { "**/dir", "dir", true },
        { "**/dir", "dir/file", true },
        { "**/dir2/*", "dir/dir2/file", true },
        { "**/dir2/*", "dir/dir2/file/", true },
        { "**/dir2/**", "dir/dir2/dir3/file", true },
        { "**/dir2/**", "dir/dir2/dir3/file/", true },
        { "**file", "file", true },
        { "**file", "dir/file", true },
        { "**/file", "dir/file", true },
        { "**file", "dir/dir/file", true },
        { "**/file", "dir/dir/file", true },
        { "**/file*", "dir/dir/file", true },
        { "**/file*", "dir/dir/file.txt", true },
        { "**/file*txt", "dir/dir/file.txt", true },
        { "**/file*.txt", "dir/dir/file.txt", true },
        { "**/file*.txt*", "dir/dir/file.txt", true },
        { "**/**/*.txt", "dir/dir/file.txt", true },
        { "**/**/*.txt2", "dir/dir/file.txt", false },
        { "**/*.txt", "file.txt", true },
        { "**/**/*.txt", "file.txt", true },
        { "a**/*.txt", "a/file.txt", true },
        { "a**/*.txt", "a/dir/file.txt", true },
        { "a**/*.txt", "a/dir/dir/file.txt", true },
        { "a/*.txt", "a/dir/file.txt", false },
        { "a/*.txt", "a/file.txt", true },
        { "a/*.txt**", "a/file.txt", true },
        { "a[b-d]e", "ae", false },
        { "a[b-d]e", "ace", true },
        { "a[b-d]e", "aae", false },
        { "a[^b-d]e", "aze", true },
        { ".*", ".foo", true },
        { ".*", "foo", false },
        { "abc.def", "abcdef", false },
        { "abc.def", "abc.def", true },
        { "abc.def", "abcZdef", false },
        { "abc?def", "abcZdef", true },
        { "abc?def", "abcdef", false },
        { "a\\\\", "a\\", true },
        { "**/foo/bar", "foo/bar", true },
        { "**/foo/bar", "dir/foo/bar", true },
        { "**/foo/bar", "dir/dir2/foo/bar", true },
        { "abc/**", "abc", false },
        { "abc/**", "abc/def", true },
        { "abc/**", "abc/def/ghi", true },
        { "**/.foo", ".foo", true },
        { "**/.foo", "bar.foo", false },
        { "a(b)c/def", "a(b)c/def", true },
        { "a(b)c/def", "a(b)c/xyz", false },
        { "a.|)$(}+{bc", "a.|)$(}+{bc", true },
        { "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
        { "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
        { "a\\*b", "a*b", true }, // not on Windows in moby either: there '\' is the separator
    };

    public static TheoryData<string[], string, bool> MultiPatternRows() => new()
    {
        { new[] { "**", "!util/docker/web" }, "util/docker/web/foo", false },
        { new[] { "**", "!util/docker/web", "util/docker/web/foo" }, "util/docker/web/foo", true },
        { new[] { "**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl" }, "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false },
        { new[] { "**", "!dist/*.whl" }, "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false },
    };

    [Theory]
    [MemberData(nameof(SinglePatternRows))]
    public void MatchesOrParentMatches_SinglePattern(string pattern, string text, bool pass) =>
        Assert.Equal(pass, new IgnorePatternMatcher(new[] { pattern }).MatchesOrParentMatches(text));

    [Theory]
    [MemberData(nameof(MultiPatternRows))]
    public void MatchesOrParentMatches_SeveralPatterns(string[] patterns, string text, bool pass) =>
        Assert.Equal(pass, new IgnorePatternMatcher(patterns).MatchesOrParentMatches(text));

    [Theory]
    [MemberData(nameof(SinglePatternRows))]
    public void MatchesUsingParentResults_WalkingDown_SinglePattern(string pattern, string text, bool pass) =>
        Assert.Equal(pass, Walk(new IgnorePatternMatcher(new[] { pattern }), text));

    [Theory]
    [MemberData(nameof(MultiPatternRows))]
    public void MatchesUsingParentResults_WalkingDown_SeveralPatterns(string[] patterns, string text, bool pass) =>
        Assert.Equal(pass, Walk(new IgnorePatternMatcher(patterns), text));

    [Theory]
    [MemberData(nameof(SinglePatternRows))]
    public void MatchesUsingParentResults_NoParentResults_SinglePattern(string pattern, string text, bool pass) =>
        Assert.Equal(pass, new IgnorePatternMatcher(new[] { pattern }).MatchesUsingParentResults(text, null, out _));

    [Theory]
    [MemberData(nameof(MultiPatternRows))]
    public void MatchesUsingParentResults_NoParentResults_SeveralPatterns(string[] patterns, string text, bool pass) =>
        Assert.Equal(pass, new IgnorePatternMatcher(patterns).MatchesUsingParentResults(text, null, out _));

    // The small tests of patternmatcher_test.go, through the older Matches the CLI still calls.
    [Theory]
    [InlineData("fileutils.go", new[] { "*" }, true)]
    [InlineData("fileutils.go", new[] { "*.go" }, true)]
    [InlineData("fileutils.go", new[] { "!fileutils.go", "*.go" }, true)]
    [InlineData("docs/README.md", new[] { "docs", "!docs/README.md" }, false)]
    [InlineData("docs/README.md", new[] { "docs/", "!docs/README.md" }, false)]
    [InlineData("docs/README.md", new[] { "docs/*", "!docs/README.md" }, false)]
    [InlineData("fileutils.go", new[] { "*.go", "!fileutils.go" }, false)]
    [InlineData(".", new[] { "*.go" }, false)]
    [InlineData("/any/path/there", new string[0], false)]
    public void Matches_SmallCases(string file, string[] patterns, bool pass) =>
        Assert.Equal(pass, IgnorePatternMatcher.Matches(file, patterns));

    [Theory]
    [InlineData("!")]
    [InlineData("[")]
    public void New_MalformedOrLoneExclamation_Throws(string pattern) =>
        Assert.Throws<FormatException>(() => IgnorePatternMatcher.Matches("fileutils.go", new[] { pattern }));

    // matchTests: Go's filepath.Match table, as moby runs it through Matches; null = ErrBadPattern.
    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("*", "abc", true)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "a", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a*", "ab/c", true)]
    [InlineData("a*/b", "abc/b", true)]
    [InlineData("a*/b", "a/c/b", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/f", true)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false)]
    [InlineData("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzx", true)]
    [InlineData("a*b?c*x", "abxbbxdbxebxczzy", false)]
    [InlineData("ab[c]", "abc", true)]
    [InlineData("ab[b-d]", "abc", true)]
    [InlineData("ab[e-g]", "abc", false)]
    [InlineData("ab[^c]", "abc", false)]
    [InlineData("ab[^b-d]", "abc", false)]
    [InlineData("ab[^e-g]", "abc", true)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "ab", false)]
    [InlineData("a?b", "a☺b", true)]
    [InlineData("a[^a]b", "a☺b", true)]
    [InlineData("a???b", "a☺b", false)]
    [InlineData("a[^a][^a][^a]b", "a☺b", false)]
    [InlineData("[a-ζ]*", "α", true)]
    [InlineData("*[a-ζ]", "A", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a*b", "a/b", false)]
    [InlineData("[\\]a]", "]", true)]
    [InlineData("[\\-]", "-", true)]
    [InlineData("[x\\-]", "x", true)]
    [InlineData("[x\\-]", "-", true)]
    [InlineData("[x\\-]", "z", false)]
    [InlineData("[\\-x]", "x", true)]
    [InlineData("[\\-x]", "-", true)]
    [InlineData("[\\-x]", "a", false)]
    [InlineData("[]a]", "]", null)]
    [InlineData("[-]", "-", null)]
    [InlineData("[x-]", "x", null)]
    [InlineData("[x-]", "-", null)]
    [InlineData("[x-]", "z", null)]
    [InlineData("[-x]", "x", null)]
    [InlineData("[-x]", "-", null)]
    [InlineData("[-x]", "a", null)]
    [InlineData("\\", "a", null)]
    [InlineData("[a-b-c]", "a", null)]
    [InlineData("[", "a", null)]
    [InlineData("[^", "a", null)]
    [InlineData("[^bc", "a", null)]
    [InlineData("a[", "a", null)]
    [InlineData("a[", "ab", null)]
    [InlineData("*x", "xxx", true)]
    public void Matches_GoFilepathMatchTable(string pattern, string text, bool? match)
    {
        if (match is null)
        {
            Assert.Throws<FormatException>(() => IgnorePatternMatcher.Matches(text, new[] { pattern }));
        }
        else
        {
            Assert.Equal(match.Value, IgnorePatternMatcher.Matches(text, new[] { pattern }));
        }
    }

    // compileTests: how each pattern compares, and the expression moby writes for it.
    [Theory]
    [InlineData("*", IgnorePatternKind.Expression, "^[^/]*$")]
    [InlineData("file*", IgnorePatternKind.Expression, "^file[^/]*$")]
    [InlineData("*file", IgnorePatternKind.Expression, "^[^/]*file$")]
    [InlineData("a*/b", IgnorePatternKind.Expression, "^a[^/]*/b$")]
    [InlineData("**", IgnorePatternKind.Suffix, null)]
    [InlineData("**/**", IgnorePatternKind.Expression, "^(.*/)?.*$")]
    [InlineData("dir/**", IgnorePatternKind.Prefix, null)]
    [InlineData("**/dir", IgnorePatternKind.Suffix, null)]
    [InlineData("**/dir2/*", IgnorePatternKind.Expression, "^(.*/)?dir2/[^/]*$")]
    [InlineData("**/dir2/**", IgnorePatternKind.Expression, "^(.*/)?dir2/.*$")]
    [InlineData("**file", IgnorePatternKind.Suffix, null)]
    [InlineData("**/file*txt", IgnorePatternKind.Expression, "^(.*/)?file[^/]*txt$")]
    [InlineData("**/**/*.txt", IgnorePatternKind.Expression, "^(.*/)?(.*/)?[^/]*\\.txt$")]
    [InlineData("a[b-d]e", IgnorePatternKind.Expression, "^a[b-d]e$")]
    [InlineData(".*", IgnorePatternKind.Expression, "^\\.[^/]*$")]
    [InlineData("abc.def", IgnorePatternKind.Exact, null)]
    [InlineData("abc?def", IgnorePatternKind.Expression, "^abc[^/]def$")]
    [InlineData("**/foo/bar", IgnorePatternKind.Suffix, null)]
    [InlineData("a(b)c/def", IgnorePatternKind.Exact, null)]
    [InlineData("a.|)$(}+{bc", IgnorePatternKind.Exact, null)]
    [InlineData("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", IgnorePatternKind.Exact, null)]
    internal void Compile_KindAndExpression(string pattern, IgnorePatternKind kind, string? expression)
    {
        var compiled = new IgnorePattern(IgnorePatternMatcher.Clean(pattern), false);
        Assert.Equal(kind, compiled.Kind);
        if (expression is not null)
        {
            Assert.Equal(expression, compiled.Expression);
        }
    }

    [Fact]
    public void New_CleansPatterns_SkipsBlank_TrimsSpaces_FlagsExceptions()
    {
        Assert.Equal(2, new IgnorePatternMatcher(new[] { "docs", "config" }).Patterns.Count);
        Assert.Equal(2, new IgnorePatternMatcher(new[] { "docs", "config", "" }).Patterns.Count);
        Assert.True(new IgnorePatternMatcher(new[] { "docs", "!docs/README.md" }).HasExceptions);
        Assert.True(new IgnorePatternMatcher(new[] { "docs", "  !docs/README.md" }).HasExceptions);
        Assert.True(new IgnorePatternMatcher(new[] { "docs", "!docs/README.md  " }).HasExceptions);
        Assert.Throws<FormatException>(() => new IgnorePatternMatcher(new[] { "!" }));
    }

    [Fact]
    public void Match_MalformedExpression_FailsEveryTime()
    {
        // Valid for filepath.Match, but not a valid expression (the range l-O is reversed): reported at match time.
        var matcher = new IgnorePatternMatcher(new[] { "[Local-Only]/" });
        Assert.Throws<FormatException>(() => matcher.MatchesOrParentMatches("x"));
        Assert.Throws<FormatException>(() => matcher.MatchesOrParentMatches("x"));
    }

    [Fact]
    public void ReadIgnoreFile_AsMobysIgnorefile()
    {
        const string content = "test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ";
        var patterns = IgnoreFileReader.Read(new StringReader(content));
        Assert.Equal(new[] { "test1", "test2", "a/file/here", "lastfile", "!inverted/abs/path", "!", "!" }, patterns);
        Assert.Empty(IgnoreFileReader.Read(new StringReader(string.Empty)));
    }

    [Theory]
    [InlineData("\uFEFFsecret\n", "secret")]
    [InlineData("./a/../b//c/\n", "b/c")]
    [InlineData("  spaced.txt   \n", "spaced.txt")]
    [InlineData(" # not a comment\n", "# not a comment")]
    [InlineData("!./keep\n", "!keep")]
    [InlineData("/\n", "/")]
    public void ReadIgnoreFile_BomCleaningTrimmingAndComments(string content, string expected) =>
        Assert.Equal(new[] { expected }, IgnoreFileReader.Read(new StringReader(content)));

    [Theory]
    [InlineData("", ".")]
    [InlineData("a//b/./c/", "a/b/c")]
    [InlineData("../a", "../a")]
    [InlineData("/../a", "/a")]
    [InlineData("a/../..", "..")]
    [InlineData("/", "/")]
    [InlineData("./", ".")]
    public void Clean_AsGosPathClean(string path, string expected) =>
        Assert.Equal(expected, IgnorePatternMatcher.Clean(path));

    /// <summary>Matches a path the way the context walk does: each parent folder first, its results handed down.</summary>
    private static bool Walk(IgnorePatternMatcher matcher, string text)
    {
        bool[]? parent = null;
        var slash = text.LastIndexOf('/');
        var parentPath = slash < 0 ? "." : IgnorePatternMatcher.Clean(text.Substring(0, slash + 1));
        if (parentPath != ".")
        {
            var dirs = parentPath.Split('/');
            for (var i = 0; i < dirs.Length; i++)
            {
                matcher.MatchesUsingParentResults(string.Join("/", dirs, 0, i + 1), parent, out var info);
                parent = info;
            }
        }

        return matcher.MatchesUsingParentResults(text, parent, out _);
    }
}
