using PSDocker.EngineAccess;

namespace PSDocker.Tests.Unit;

/// <summary>The docker CLI's detach keys (moby/term ToBytes and its escape proxy), ported case by case.</summary>
public sealed class DetachKeysTests
{
    [Theory]
    [InlineData("ctrl-a,a", new byte[] { 1, 97 })]
    [InlineData("ctrl-@,ctrl-[,~,ctrl-o", new byte[] { 0, 27, 126, 15 })]
    [InlineData("DEL,+", new byte[] { 127, 43 })]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("ctrl-\\,ctrl-],ctrl-^,ctrl-_,ctrl-z", new byte[] { 28, 29, 30, 31, 26 })]
    public void Parse_GivesTheAsciiCodes(string keys, byte[] expected) => Assert.Equal(expected, DetachKeys.Parse(keys));

    [Fact]
    public void Parse_Default_IsCtrlPCtrlQ() => Assert.Equal(new byte[] { 16, 17 }, DetachKeys.Parse(DetachKeys.Default));

    [Theory]
    [InlineData("shift-z")]
    [InlineData("ctrl-P")]
    [InlineData("ctrl-1")]
    [InlineData("ctrl-p,,ctrl-q")]
    [InlineData("ab")]
    [InlineData("é")]
    [InlineData("del")]
    public void Parse_UnknownKey_IsInvalidDetachKeys(string keys)
    {
        var e = Assert.Throws<InvalidSpecException>(() => DetachKeys.Parse(keys));
        Assert.Equal("InvalidDetachKeys", e.ErrorId);
        Assert.Contains(keys, e.Message);
    }

    private static (string Forwarded, bool Detached) Push(DetachKeyFilter filter, params byte[] keys)
    {
        var forward = new MemoryStream();
        var detached = filter.Push(keys, 0, keys.Length, forward);
        return (Hex(forward.ToArray()), detached);
    }

    private static string Hex(params byte[] bytes) => Convert.ToHexString(bytes);

    [Fact]
    public void Filter_NoEscapeKeys_PassesEverything()
    {
        var filter = new DetachKeyFilter(Array.Empty<byte>());
        Assert.Equal((Hex(97, 98, 99), false), Push(filter, 97, 98, 99));
        Assert.Equal((Hex(16, 17), false), Push(filter, 16, 17));
    }

    [Fact]
    public void Filter_DelEscape_OtherKeysPass() =>
        Assert.Equal((Hex(97, 98, 99, 43), false), Push(new DetachKeyFilter(DetachKeys.Parse("DEL")), DetachKeys.Parse("a,b,c,+")));

    [Fact]
    public void Filter_KeyThatStartsNoSequence_Passes() =>
        Assert.Equal((Hex(127), false), Push(new DetachKeyFilter(DetachKeys.Parse("ctrl-x,ctrl-@")), 127));

    [Fact]
    public void Filter_SingleKeySequence_DetachesAndSendsNothing() =>
        Assert.Equal((Hex(), true), Push(new DetachKeyFilter(DetachKeys.Parse("ctrl-c")), 3));

    [Fact]
    public void Filter_SequenceInOneRead_Detaches() =>
        Assert.Equal((Hex(), true), Push(new DetachKeyFilter(DetachKeys.Parse("ctrl-c,ctrl-z")), 3, 26));

    [Fact]
    public void Filter_SequenceAcrossReads_Detaches()
    {
        var filter = new DetachKeyFilter(DetachKeys.Parse("ctrl-c,ctrl-z"));
        Assert.Equal((Hex(), false), Push(filter, 3));
        Assert.Equal((Hex(), true), Push(filter, 26));
    }

    [Fact]
    public void Filter_HeldKeys_AreReleasedInOrderWhenTheSequenceBreaks()
    {
        // moby/term: "ctrl-c,ctrl-z escape key, keys [ctrl-c],[DEL,+]"
        var filter = new DetachKeyFilter(DetachKeys.Parse("ctrl-c,ctrl-z"));
        Assert.Equal((Hex(), false), Push(filter, 3));
        Assert.Equal((Hex(3, 127, 43), false), Push(filter, 127, 43));
    }

    [Fact]
    public void Filter_LongSequenceInTwoHalves_Detaches()
    {
        // moby/term: "a,b,c,d escape key, keys [a,b],[c,d]"
        var filter = new DetachKeyFilter(DetachKeys.Parse("a,b,c,d"));
        Assert.Equal((Hex(), false), Push(filter, 97, 98));
        Assert.Equal((Hex(), true), Push(filter, 99, 100));
    }

    [Fact]
    public void Filter_BrokenThenComplete_ForwardsTheBrokenPartThenDetaches()
    {
        // moby/term: "ctrl-p,ctrl-q escape key, keys [ctrl-p],[a],[ctrl-p,ctrl-q]"
        var filter = new DetachKeyFilter(DetachKeys.Parse(DetachKeys.Default));
        Assert.Equal((Hex(), false), Push(filter, 16));
        Assert.Equal((Hex(16, 97), false), Push(filter, 97));
        Assert.Equal((Hex(), true), Push(filter, 16, 17));
    }

    [Fact]
    public void Filter_KeysBeforeTheSequenceInTheSameRead_AreForwarded() =>
        Assert.Equal((Hex(108, 115, 13), true), Push(new DetachKeyFilter(DetachKeys.Parse(DetachKeys.Default)), 108, 115, 13, 16, 17, 120));

    [Fact]
    public void Filter_LikeDocker_TheKeyThatBreaksTheSequenceStartsNoNewOne()
    {
        // ctrl-p, ctrl-p, ctrl-q: the second ctrl-p breaks the first match and is passed on, so is ctrl-q.
        var filter = new DetachKeyFilter(DetachKeys.Parse(DetachKeys.Default));
        Assert.Equal((Hex(16, 16, 17), false), Push(filter, 16, 16, 17));
    }
}
