using Bunit;
using Widget.Core.Moderation;
using Widget.Data.Moderation;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Components;

public sealed class PremoderationComponentsTests : BunitContext
{
    [Fact]
    public void HeldQueue_ApprovesOrRejectsAPostWithTheGivenReason()
    {
        long approved = 0;
        HeldRejection? rejected = null;
        var cut = Render<HeldQueue>(p => p
            .Add(x => x.Posts, [
                new HeldPost(SamplePosts.Make(41, "<i>first</i>", author: "Newbie"), "mysite", Created: false),
                new HeldPost(SamplePosts.Make(42, "buy now", author: "Spammer"), "mysite", Created: false),
            ])
            .Add(x => x.OnApprove, id => approved = id)
            .Add(x => x.OnReject, r => rejected = r));

        cut.FindAll(".approve")[0].Click();
        cut.Find("#reject-reason").Change("advertising");
        cut.FindAll(".reject")[1].Click();

        Assert.Equal(41, approved);
        Assert.Equal(new HeldRejection(42, "advertising"), rejected);
        Assert.Equal(["<i>first</i>", "buy now"], cut.FindAll(".held-post .post-text").Select(e => e.TextContent));
        Assert.Equal(["41", "42"], cut.FindAll(".held-post").Select(e => e.GetAttribute("data-post-id")));
    }

    [Fact]
    public void HeldQueue_WhenEmpty_SaysSo() =>
        Assert.Equal("Nothing waits for approval.", Render<HeldQueue>(p => p.Add(x => x.Posts, [])).Find(".held-empty").TextContent);

    [Fact]
    public void PremoderationSetting_ShowsTheSavedModeAndSavesTheChosenOne()
    {
        PremoderationMode? saved = null;
        var cut = Render<PremoderationSetting>(p => p
            .Add(x => x.Mode, PremoderationMode.FirstPost)
            .Add(x => x.OnSave, m => saved = m));

        Assert.Equal(nameof(PremoderationMode.FirstPost), cut.Find("#premoderation").GetAttribute("value"));
        cut.Find("#premoderation").Change(nameof(PremoderationMode.EveryPost));
        cut.Find("form").Submit();

        Assert.Equal(PremoderationMode.EveryPost, saved);
    }

    [Fact]
    public void PremoderationSetting_KeepsTheModeratorsChoiceWhenTheDeskRerenders()
    {
        var cut = Render<PremoderationSetting>(p => p.Add(x => x.Mode, PremoderationMode.Off));

        cut.Find("#premoderation").Change(nameof(PremoderationMode.EveryPost));
        cut.Render(p => p.Add(x => x.Mode, PremoderationMode.Off));

        Assert.Equal(nameof(PremoderationMode.EveryPost), cut.Find("#premoderation").GetAttribute("value"));
    }
}
