using Widget.Core.Moderation;

namespace Widget.Core.Tests;

public sealed class BlockedWordsTests
{
    [Theory]
    [InlineData("you are a Dummy!", "dummy")]
    [InlineData("dummy", "dummy")]
    [InlineData("Ты ДУРАК", "дурак")]
    public void FindIn_FindsAWholeWordInAnyCase(string text, string expected) =>
        Assert.Equal(expected, BlockedWords.FindIn(text, ["idiot", "dummy", "дурак"]));

    [Theory]
    [InlineData("a dummyfied class")]
    [InlineData("dummy1")]
    [InlineData("")]
    public void FindIn_IgnoresTheWordInsideAnother(string text) =>
        Assert.Null(BlockedWords.FindIn(text, ["dummy"]));

    [Fact]
    public void Parse_TrimsLowersAndDropsRepeatsAndBlanks() =>
        Assert.Equal(["spam", "eggs"], BlockedWords.Parse(" Spam ,\n\neggs\nSPAM, "));

    [Fact]
    public void SlowMode_SaysHowLongIsLeft()
    {
        var now = DateTimeOffset.UnixEpoch.AddHours(1);
        Assert.Equal(TimeSpan.FromSeconds(20), SlowMode.WaitLeft(30, now.AddSeconds(-10), now));
        Assert.Null(SlowMode.WaitLeft(30, now.AddSeconds(-30), now));
        Assert.Null(SlowMode.WaitLeft(0, now, now));
        Assert.Null(SlowMode.WaitLeft(30, null, now));
    }
}
