using Bunit;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

public sealed class PostViewTests : BunitContext
{
    [Fact]
    public void Render_WhenTextHasMarkup_ShowsItAsText()
    {
        var post = SamplePosts.Make(1, "<script>alert('x')</script><b onclick=\"evil()\">bold</b>", author: "<img src=x onerror=alert(1)>");

        var cut = Render<PostView>(p => p.Add(x => x.Post, post));

        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("b"));
        Assert.Empty(cut.FindAll("img"));
        Assert.Equal("<script>alert('x')</script><b onclick=\"evil()\">bold</b>", cut.Find(".post-text").TextContent);
        Assert.Equal("<img src=x onerror=alert(1)>", cut.Find(".post-author").TextContent);
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CarriesIdsForTheScriptAndTheSeqOnlyWhenGiven()
    {
        var post = SamplePosts.Make(42, "hello");

        var withSeq = Render<PostView>(p => p.Add(x => x.Post, post).Add(x => x.Seq, 9));
        var withoutSeq = Render<PostView>(p => p.Add(x => x.Post, post));

        var article = withSeq.Find("article.post");
        Assert.Equal("42", article.GetAttribute("data-post-id"));
        Assert.Equal("9", article.GetAttribute("data-seq"));
        Assert.Equal("7", article.GetAttribute("data-author-id"));
        Assert.False(withoutSeq.Find("article.post").HasAttribute("data-seq"));
    }

    [Fact]
    public void Render_WhenWordIsVeryLong_KeepsItWholeForCssToWrap()
    {
        var word = new string('w', 5000);

        var cut = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, word)));

        Assert.Equal(word, cut.Find(".post-text").TextContent);
    }

    [Fact]
    public void Render_ShowsTimeInUtcWithMachineReadableStamp()
    {
        var cut = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "hi")));

        var time = cut.Find("time");
        Assert.Equal("2026-11-24T10:30:00.0000000Z", time.GetAttribute("datetime"));
        Assert.Equal("10:30", time.TextContent);
    }

    [Fact]
    public void Render_WhenNameHasBidiOverride_DropsItSoTheTimeStaysPut()
    {
        var cut = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "hi", author: "\u202Eanna")));

        Assert.Equal("anna", cut.Find(".post-author").TextContent);
    }

    [Fact]
    public void Render_WhenTextHasALink_RendersItInsideThePostText()
    {
        var cut = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "see https://x.org #news")));

        cut.Find(".post-text").MarkupMatches(
            "<p class=\"post-text\">see <a class=\"post-link\" href=\"https://x.org\" rel=\"nofollow ugc noopener\" target=\"_blank\">https://x.org</a> " +
            "<a class=\"post-tag\" href=\"/t/news\">#news</a></p>");
    }
}
