using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Widget.Core.Posts;
using Widget.Data.Moderation;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Components;

public sealed class ModeratorComponentsTests : BunitContext
{
    [Fact]
    public void ModeratedPost_ButtonsHandTheirPostToThePage()
    {
        var (hidden, deleted, pinned) = (0L, 0L, (long?)0);
        Post? banned = null;
        var post = SamplePosts.Make(42, "<b>buy</b> now", author: "Spammer");
        var cut = Render<ModeratedPost>(p => p
            .Add(x => x.Item, new ChannelPost(3, post))
            .Add(x => x.OnHide, id => hidden = id)
            .Add(x => x.OnDelete, id => deleted = id)
            .Add(x => x.OnPin, id => pinned = id)
            .Add(x => x.OnBan, p => banned = p));

        cut.Find(".hide").Click();
        cut.Find(".delete").Click();
        Assert.Equal(0L, deleted);
        cut.Find(".delete-yes").Click();
        cut.Find(".pin").Click();
        cut.Find(".ban").Click();

        Assert.Equal((42L, 42L, (long?)42), (hidden, deleted, pinned));
        Assert.Same(post, banned);
        Assert.Equal("<b>buy</b> now", cut.Find(".post-text").TextContent);
        Assert.Contains("Ban Spammer", cut.Find(".ban").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ModeratedPost_Banning_OpensTheBanFormInThePostWithTheFocus_AndEscapeGivesTheFocusBack()
    {
        var cancelled = false;
        var cut = Render<ModeratedPost>(p => p
            .Add(x => x.Item, new ChannelPost(3, SamplePosts.Make(42, "buy now", author: "Spammer")))
            .Add(x => x.Tag, "mysite")
            .Add(x => x.Banning, true)
            .Add(x => x.OnBanCancel, () => cancelled = true));

        var form = cut.Find("li.moderated-post > form.ban-form");
        Assert.Contains("Ban Spammer from #mysite", form.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find(".ban").GetAttribute("aria-expanded"));
        JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeElementReferenceTo(cut.Find("#ban-duration"));
        // bUnit drops the reference's attribute from markup it re-renders, so it is read now.
        var banButton = cut.Find(".ban").GetAttribute("blazor:elementReference");

        cut.Find("#ban-reason").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.True(cancelled);
        cut.Render(p => p.Add(x => x.Banning, false));

        Assert.Empty(cut.FindAll("form.ban-form"));
        Assert.Equal(banButton, Assert.IsType<ElementReference>(JSInterop.VerifyFocusAsyncInvoke(calledTimes: 2)[1].Arguments[0]).Id);
    }

    [Fact]
    public void DeleteEverywhere_Cancelled_DeletesNothingAndOffersItAgain()
    {
        var deleted = 0L;
        var cut = Render<DeleteEverywhere>(p => p.Add(x => x.PostId, 7).Add(x => x.OnDelete, id => deleted = id));

        cut.Find(".delete").Click();
        Assert.Contains("Delete from every channel?", cut.Find(".delete-confirm").TextContent, StringComparison.Ordinal);
        cut.Find(".delete-no").Click();

        Assert.Equal(0L, deleted);
        Assert.Contains("danger", cut.Find(".delete").ClassList);
    }

    [Fact]
    public void ModeratedPost_WhenPinned_OffersUnpin()
    {
        long? pinned = 1;
        var cut = Render<ModeratedPost>(p => p
            .Add(x => x.Item, new ChannelPost(1, SamplePosts.Make(5, "rules")))
            .Add(x => x.Pinned, true)
            .Add(x => x.OnPin, id => pinned = id));

        cut.Find(".pin").Click();

        Assert.Equal("Unpin", cut.Find(".pin").TextContent);
        Assert.Null(pinned);
    }

    [Fact]
    public void HiddenList_UnhideHandsItsPostToThePage()
    {
        long unhidden = 0;
        var cut = Render<HiddenList>(p => p
            .Add(x => x.Posts, [new ChannelPost(4, SamplePosts.Make(9, "<i>hidden</i> words", author: "Anna"))])
            .Add(x => x.OnUnhide, id => unhidden = id));

        cut.Find(".hidden-post .unhide").Click();

        Assert.Equal(9, unhidden);
        Assert.Equal("Unhide", cut.Find(".unhide").TextContent);
        Assert.Equal("<i>hidden</i> words", cut.Find(".post-text").TextContent);
    }

    [Fact]
    public void HiddenList_WhenEmpty_SaysSo() =>
        Assert.Equal("Nothing is hidden here.", Render<HiddenList>(p => p.Add(x => x.Posts, [])).Find(".hidden-empty").TextContent);

    [Fact]
    public void BanList_ShowsTermsAndLiftsByUser()
    {
        long lifted = 0;
        var cut = Render<BanList>(p => p
            .Add(x => x.Bans, [
                new ActiveBan("mysite", 7, "Troll", new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "insults"),
                new ActiveBan("mysite", 8, "Bot", null, "spam"),
            ])
            .Add(x => x.OnLift, id => lifted = id));

        cut.FindAll("li")[1].QuerySelector("button")!.Click();

        Assert.Equal(["until 2026-12-01 09:00 UTC", "for good"], cut.FindAll(".ban-until").Select(e => e.TextContent));
        Assert.Equal(8, lifted);
    }

    [Fact]
    public void BanList_WhenEmpty_SaysSo() =>
        Assert.Equal("Nobody is banned.", Render<BanList>(p => p.Add(x => x.Bans, [])).Find(".bans-empty").TextContent);

    [Fact]
    public void BanForm_GivesTheChosenLengthAndReason()
    {
        BanTerms? terms = null;
        var cut = Render<BanForm>(p => p
            .Add(x => x.Tag, "mysite").Add(x => x.UserName, "Troll")
            .Add(x => x.OnBan, t => terms = t));

        cut.Find("#ban-duration").Change("0");
        cut.Find("#ban-reason").Change("insults");
        cut.Find("#ban-shadow").Change(true);
        cut.Find("form").Submit();

        Assert.Equal(new BanTerms(null, "insults", Shadow: true), terms);
    }

    [Fact]
    public void ReportList_ShowsWhatWasReportedAndSettlesIt()
    {
        long hidden = 0;
        var cut = Render<ReportList>(p => p
            .Add(x => x.Reports, [new ReportEntry(1, 42, "cheap pills", 7, "Spammer", 9, "Anna", "spam", DateTimeOffset.UnixEpoch)])
            .Add(x => x.OnHide, id => hidden = id));

        cut.Find(".hide").Click();

        Assert.Equal("Spammer id 7: cheap pills", cut.Find(".report-post").TextContent);
        Assert.Equal("spam", cut.Find(".report-reason").TextContent);
        Assert.Equal(42, hidden);
    }
}
