using Bunit;
using Widget.Core.Posts;
using Widget.Core.Reactions;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

/// <summary>Replies, the edited mark and reaction counts as <see cref="PostView"/> and <see cref="PostList"/> render them.</summary>
public sealed class PostThreadViewTests : BunitContext
{
    [Fact]
    public void Render_WhenAReply_LinksToItsParentWithTheNameEncoded()
    {
        var post = SamplePosts.Make(5, "me too") with { ReplyTo = new PostReply(4, "<b>Bob</b>\u202E") };

        var cut = Render<PostView>(p => p.Add(x => x.Post, post));

        Assert.Equal("4", cut.Find("article.post").GetAttribute("data-reply-to"));
        cut.Find(".post-reply-to").MarkupMatches("<a class=\"post-reply-to\" href=\"/p/4\"><bdi>&lt;b&gt;Bob&lt;/b&gt;</bdi></a>");
        Assert.Empty(cut.FindAll("b"));
    }

    [Fact]
    public void Render_WhenTheParentIsDeleted_NamesNobodyAndLinksNowhere()
    {
        var post = SamplePosts.Make(5, "me too") with { ReplyTo = new PostReply(4, null) };

        var cut = Render<PostView>(p => p.Add(x => x.Post, post));

        cut.Find(".post-reply-to").MarkupMatches("<span class=\"post-reply-to post-reply-gone\"></span>");
    }

    [Fact]
    public void Render_WhenEdited_MarksItWithTheTimeAndOtherwiseNot()
    {
        var edited = SamplePosts.Make(1, "fixed") with { EditedAt = SamplePosts.At.AddMinutes(2) };

        var cut = Render<PostView>(p => p.Add(x => x.Post, edited));
        var plain = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "as written")));

        cut.Find(".post-edited").MarkupMatches("<time class=\"post-edited\" datetime=\"2026-11-24T10:32:00.0000000Z\"></time>");
        Assert.Empty(plain.FindAll(".post-edited"));
        Assert.False(plain.Find("article.post").HasAttribute("data-reply-to"));
    }

    [Fact]
    public void Render_WithReactions_ShowsTheCountsInTheSetsOrderAndNothingWithout()
    {
        var post = SamplePosts.Make(1, "hi") with { Reactions = [new ReactionCount("👍", 3), new ReactionCount("🎉", 1)] };

        var cut = Render<PostView>(p => p.Add(x => x.Post, post));
        var plain = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "hi")));

        cut.Find(".post-reactions").MarkupMatches(
            "<ul class=\"post-reactions\">" +
            "<li class=\"reaction\" data-emoji=\"👍\">👍 <span class=\"reaction-count\">3</span></li>" +
            "<li class=\"reaction\" data-emoji=\"🎉\">🎉 <span class=\"reaction-count\">1</span></li></ul>");
        Assert.Empty(plain.FindAll(".post-reactions"));
    }

    [Fact]
    public void RenderList_PutsRepliesUnderTheirRootWhenOnThePageAndAloneOtherwise()
    {
        var root = SamplePosts.Make(10, "root");
        var reply = SamplePosts.Make(11, "reply") with { ReplyTo = new PostReply(10, "Anna") };
        var orphan = SamplePosts.Make(12, "orphan") with { ReplyTo = new PostReply(3, "Anna") };
        // Newest first, as the queries return them.
        ChannelPost[] page = [new(7, orphan), new(6, reply), new(5, root)];

        var cut = Render<PostList>(p => p.Add(x => x.Posts, page));

        var top = cut.FindAll("article.post").Where(a => a.ParentElement?.ClassName != "post-replies").Select(a => a.GetAttribute("data-seq"));
        Assert.Equal(["5", "7"], top);
        var nested = cut.Find("article[data-post-id=\"10\"] > .post-replies > article.post");
        Assert.Equal(("11", "6"), (nested.GetAttribute("data-post-id"), nested.GetAttribute("data-seq")));
    }

    [Fact]
    public void RenderReactions_AloneAsPushedLive_IsTheSameMarkupAsInThePost()
    {
        IReadOnlyList<ReactionCount> counts = [new ReactionCount("❤️", 2)];

        var alone = Render<PostReactions>(p => p.Add(x => x.Counts, counts));
        var inPost = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, "x") with { Reactions = counts }));

        Assert.Equal(inPost.Find(".post-reactions").OuterHtml, alone.Find(".post-reactions").OuterHtml);
    }
}
