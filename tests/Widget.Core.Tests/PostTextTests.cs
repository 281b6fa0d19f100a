using Widget.Core.Posts;

namespace Widget.Core.Tests;

public sealed class PostTextTests
{
    [Fact]
    public void Normalize_KeepsLineBreaksAndDropsControlCharacters()
    {
        var (text, rejection) = PostText.Normalize("  one\r\ntwo\rthree\u0007\u0000 ", 100);
        Assert.Null(rejection);
        Assert.Equal("one\ntwo\nthree", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u0001\u0002")]
    public void Normalize_WhenNothingIsLeft_IsRefused(string? raw)
    {
        var (_, rejection) = PostText.Normalize(raw, 100);
        Assert.Equal(PostRejectionReason.Invalid, rejection?.Reason);
    }

    [Fact]
    public void Normalize_WhenLongerThanLimit_IsRefusedWithTheLimitInTheMessage()
    {
        Assert.Null(PostText.Normalize(new string('a', 100), 100).Rejection);
        var (_, rejection) = PostText.Normalize(new string('a', 101), 100);
        Assert.Equal(PostRejectionReason.TooLong, rejection?.Reason);
        Assert.Equal(100, rejection!.Message.Count);
    }
}
