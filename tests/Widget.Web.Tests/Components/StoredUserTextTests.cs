using Bunit;
using Widget.Core.Moderation;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Web.Moderation;
using Widget.Web.Viewing;

namespace Widget.Web.Tests.Components;

/// <summary>
/// Text stored before it was cleaned on the way in is cleaned again where it is shown, and sits in its own
/// bidi isolate, so it cannot reorder the page around it.
/// </summary>
public sealed class StoredUserTextTests : BunitContext
{
    private const string Spoofed = "\u202Eevil\u202C ad\u200Bmin";
    private const string Shown = "evil admin";

    [Fact]
    public void PostView_WhenNameHasInvisibleCharacters_ShowsItCleanInAnIsolate()
    {
        var cut = Render<PostView>(p => p.Add(x => x.Post, SamplePosts.Make(1, Spoofed, author: Spoofed)));

        AssertIsolated(cut.Find(".post-author"));
        Assert.Equal(Shown, cut.Find(".post-text").TextContent);
    }

    [Fact]
    public void ModeratedPost_WhenNameHasInvisibleCharacters_ShowsItCleanWithTheUserId()
    {
        var cut = Render<ModeratedPost>(p => p.Add(x => x.Item, new ChannelPost(1, SamplePosts.Make(42, Spoofed, author: Spoofed))));

        AssertIsolated(cut.Find(".post-author"));
        Assert.Equal("id 7", cut.Find(".user-id").TextContent);
        Assert.Equal(Shown, cut.Find(".post-text").TextContent);
    }

    [Fact]
    public void HeldQueue_WhenNameHasInvisibleCharacters_ShowsItCleanWithTheUserId()
    {
        var cut = Render<HeldQueue>(p => p.Add(x => x.Posts, [new HeldPost(SamplePosts.Make(42, Spoofed, author: Spoofed), "mysite", Created: false)]));

        AssertIsolated(cut.Find(".post-author"));
        Assert.Equal("id 7", cut.Find(".user-id").TextContent);
        Assert.Equal(Shown, cut.Find(".post-text").TextContent);
    }

    [Fact]
    public void BanList_WhenNameAndReasonHaveInvisibleCharacters_ShowsThemCleanWithTheUserId()
    {
        var cut = Render<BanList>(p => p.Add(x => x.Bans, [new ActiveBan("mysite", 8, Spoofed, null, Spoofed)]));

        AssertIsolated(cut.Find(".ban-user"));
        AssertIsolated(cut.Find(".ban-reason"));
        Assert.Equal("id 8", cut.Find(".user-id").TextContent);
    }

    [Fact]
    public void ReportList_WhenNamesAndReasonHaveInvisibleCharacters_ShowsThemCleanWithTheUserIds()
    {
        var cut = Render<ReportList>(p => p.Add(x => x.Reports,
            [new ReportEntry(1, 42, Spoofed, 7, Spoofed, 9, Spoofed, Spoofed, DateTimeOffset.UnixEpoch)]));

        Assert.All(cut.FindAll(".report-author, .report-text, .report-reporter, .report-reason"), AssertIsolated);
        Assert.Equal(["id 7", "id 9"], cut.FindAll(".user-id").Select(e => e.TextContent));
    }

    [Fact]
    public void ModerationLogView_WhenNameAndDetailHaveInvisibleCharacters_ShowsThemClean()
    {
        var cut = Render<ModerationLogView>(p => p.Add(x => x.Entries,
            [new LogEntry(1, ModerationAction.Ban, 3, Spoofed, null, 9, Spoofed, DateTimeOffset.UnixEpoch)]));

        AssertIsolated(cut.Find(".log-moderator"));
        AssertIsolated(cut.Find(".log-detail"));
        Assert.Equal("id 3", cut.Find(".user-id").TextContent);
    }

    [Fact]
    public void BanForm_WhenNameHasInvisibleCharacters_ShowsItClean()
    {
        var cut = Render<BanForm>(p => p.Add(x => x.Tag, "mysite").Add(x => x.UserName, Spoofed));

        AssertIsolated(cut.Find(".ban-form bdi"));
    }

    private static void AssertIsolated(AngleSharp.Dom.IElement element)
    {
        Assert.Equal("BDI", element.TagName);
        Assert.Equal(Shown, element.TextContent);
    }
}
