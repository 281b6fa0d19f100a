using Widget.Web.Auth;

namespace Widget.Web.Tests.Auth;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sites")]
    [InlineData("/sites/abc_1")]
    [InlineData("/mod/abc?x=1&y=%2F%2Fevil.example#top")]
    [InlineData("/auth/complete?nonce=abc-_123&lang=ru")]
    [InlineData("/a//b")]
    [InlineData("/%09/evil.example")]
    public void OrDefault_APathOfOurs_IsKept(string url) =>
        Assert.Equal(url, LocalReturnUrl.OrDefault(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sites")]
    [InlineData("~/sites")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/sites\\..\\evil")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: a=b")]
    [InlineData("/x\u0000")]
    [InlineData("/x\u007f")]
    [InlineData("/x\u0085")]
    [InlineData("\t//evil.example")]
    [InlineData(" //evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/\u3000/evil.example")]
    [InlineData("/\u2028/evil.example")]
    [InlineData("/привет")]
    [InlineData("https://evil.example/")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    public void OrDefault_AnythingElse_IsTheDefault(string? url) =>
        Assert.Equal(LocalReturnUrl.Default, LocalReturnUrl.OrDefault(url));
}
