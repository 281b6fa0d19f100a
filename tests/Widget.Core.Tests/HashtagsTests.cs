using Widget.Core.Tags;

namespace Widget.Core.Tests;

public sealed class HashtagsTests
{
    private static string[] Find(string text) => Hashtags.Find(text).Select(t => t.Value).ToArray();

    [Fact]
    public void Find_WhenTextHasTags_ReturnsThemInOrderWithoutRepeats() =>
        Assert.Equal(["news", "котики", "dotnet"], Find("#News about #котики and #dotnet, again #NEWS"));

    [Fact]
    public void Find_WhenTagIsFollowedByPunctuation_StopsAtThePunctuation() =>
        Assert.Equal(["end", "quoted", "paren"], Find("at the #end. \"#quoted\" (#paren)"));

    [Theory]
    [InlineData("see https://example.com/page#section")]
    [InlineData("I write C# every day")]
    [InlineData("issue #42 is fixed")]
    [InlineData("a##b and ##c")]
    [InlineData("mail me@host#x")]
    [InlineData("no tags here")]
    [InlineData("")]
    public void Find_WhenHashIsNotAWordStart_FindsNothing(string text) => Assert.Empty(Find(text));

    [Fact]
    public void Find_WhenTagIsTooLong_LeavesItAsText() =>
        Assert.Equal(["ok"], Find("#" + new string('x', Tag.MaxLength + 1) + " #ok"));

    [Fact]
    public void For_PutsTheChannelFirstAndAddsHashtags()
    {
        var tags = PostTags.For(Tag.Parse("mysite"), "hello #World and #MySite");
        Assert.Equal(["mysite", "world"], tags.Select(t => t.Value));
    }

    [Fact]
    public void For_WhenTextHasManyTags_KeepsAtMostTheLimit()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30).Select(i => "#tag" + i));
        Assert.Equal(PostTags.MaxTagsPerPost, PostTags.For(Tag.Parse("site"), text).Count);
    }
}
