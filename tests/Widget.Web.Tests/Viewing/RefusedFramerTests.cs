using Microsoft.AspNetCore.Http;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Viewing;

public sealed class RefusedFramerTests
{
    private static readonly Uri Self = new("https://chat.example/");

    [Theory]
    [InlineData("https://blog.example/post/1", "blog.example")]
    [InlineData("https://example.com.evil.example/", "example.com.evil.example")]
    [InlineData("https://notexample.com/", "notexample.com")]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("http://127.0.0.1:9090/", "127.0.0.1")]
    [InlineData("https://кот.example/", "xn--j1aim.example")]
    public void Framer_NotAllowed_IsNamedAsTheOwnerWouldWriteIt(string referer, string host)
    {
        Assert.Equal(host, RefusedFramer.Host(Framed(referer), ["*.example.com", "https://shop.example:8443", "127.0.0.1:8080"], Self));
    }

    [Theory]
    [InlineData("https://www.example.com/page")]
    [InlineData("https://a.b.example.com/")]
    [InlineData("https://shop.example:8443/")]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("https://plain.example:3000/")]
    [InlineData("https://chat.example/sites/mysite")]
    public void Framer_Allowed_OrOurOwnConfigurator_IsNotRefused(string referer)
    {
        Assert.Null(RefusedFramer.Host(Framed(referer), ["*.example.com", "https://shop.example:8443", "127.0.0.1:8080", "plain.example"], Self));
    }

    [Fact]
    public void Request_ThatDoesNotSayItIsFramedOrByWhom_IsLeftToThePolicy()
    {
        string[] allowed = ["example.com"];
        var noReferer = Framed(null);
        var topLevel = Framed("https://blog.example/");
        topLevel.Headers["Sec-Fetch-Dest"] = "document";
        var noFetchMetadata = Framed("https://blog.example/");
        noFetchMetadata.Headers.Remove("Sec-Fetch-Dest");

        Assert.Null(RefusedFramer.Host(noReferer, allowed, Self));
        Assert.Null(RefusedFramer.Host(topLevel, allowed, Self));
        Assert.Null(RefusedFramer.Host(noFetchMetadata, allowed, Self));
        Assert.Null(RefusedFramer.Host(Framed("ftp://blog.example/"), allowed, Self));
        Assert.Null(RefusedFramer.Host(Framed("not a url"), allowed, Self));
    }

    [Fact]
    public void Site_ThatAllowsEveryHost_RefusesNone()
    {
        Assert.Null(RefusedFramer.Host(Framed("https://blog.example/"), [], Self));
    }

    private static HttpRequest Framed(string? referer)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers["Sec-Fetch-Dest"] = "iframe";
        if (referer is not null)
        {
            request.Headers.Referer = referer;
        }

        return request;
    }
}
