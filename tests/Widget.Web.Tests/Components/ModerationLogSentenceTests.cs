using Bunit;
using Widget.Core.Moderation;
using Widget.Data.Moderation;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Components;

/// <summary>The desk's log reads as sentences: who did what to whom, by name and id, for every kind of line.</summary>
public sealed class ModerationLogSentenceTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 30, TimeSpan.Zero);

    private string Sentence(LogEntry entry) =>
        Render<ModerationLogView>(p => p.Add(x => x.Entries, [entry])).Find(".log-sentence").TextContent;

    private static LogEntry Line(ModerationAction action, string detail = "", long? postId = 42, long? targetId = 7, string? targetName = "Boris") =>
        new(1, action, 5, "Anna", postId, targetId, detail, At, targetName);

    [Fact]
    public void Hide_SaysWhosePostWasHidden() =>
        Assert.Equal("Anna id 5 hid a post by Boris id 7 here.", Sentence(Line(ModerationAction.Hide)));

    [Fact]
    public void Unhide_SaysWhosePostIsBack() =>
        Assert.Equal("Anna id 5 showed a post by Boris id 7 here again.", Sentence(Line(ModerationAction.Unhide)));

    [Fact]
    public void Delete_SaysWhosePostWentEverywhere() =>
        Assert.Equal("Anna id 5 deleted a post by Boris id 7 everywhere.", Sentence(Line(ModerationAction.Delete)));

    [Fact]
    public void Ban_SaysForHowLongAndWhy() =>
        Assert.Equal("Anna id 5 banned Boris id 7 for 1 day: spam.",
            Sentence(Line(ModerationAction.Ban, BanLogDetail.Write("mysite", At.AddDays(1), "spam", shadow: false), postId: null)));

    [Fact]
    public void Ban_ForGoodAndShadow_SaysSo() =>
        Assert.Equal("Anna id 5 shadow-banned Boris id 7 for good.",
            Sentence(Line(ModerationAction.Ban, BanLogDetail.Write("mysite", null, "", shadow: true), postId: null)));

    [Fact]
    public void Ban_OfAnHourOrMinutes_SaysTheLengthChosen()
    {
        Assert.Equal("Anna id 5 banned Boris id 7 for 1 hour: flood.",
            Sentence(Line(ModerationAction.Ban, "You are banned from #mysite until 2026-11-24 11:00 UTC. Reason: flood", postId: null)));
        Assert.Equal("Anna id 5 banned Boris id 7 for 90 minutes.",
            Sentence(Line(ModerationAction.Ban, "You are banned from #mysite until 2026-11-24 11:30 UTC.", postId: null)));
    }

    [Fact]
    public void LiftBan_NamesWhoseBanWasLifted() =>
        Assert.Equal("Anna id 5 lifted the ban on Boris id 7.", Sentence(Line(ModerationAction.LiftBan, postId: null)));

    [Fact]
    public void AppointModerator_NamesTheNewModerator() =>
        Assert.Equal("Anna id 5 made Boris id 7 a moderator.", Sentence(Line(ModerationAction.AppointModerator, postId: null)));

    [Fact]
    public void RemoveModerator_NamesTheFormerModerator() =>
        Assert.Equal("Anna id 5 removed Boris id 7 from the moderators.", Sentence(Line(ModerationAction.RemoveModerator, postId: null)));

    [Fact]
    public void Pin_SaysWhosePost() =>
        Assert.Equal("Anna id 5 pinned a post by Boris id 7.", Sentence(Line(ModerationAction.Pin)));

    [Fact]
    public void Unpin_SaysThePinIsGone() =>
        Assert.Equal("Anna id 5 unpinned the pinned post.", Sentence(Line(ModerationAction.Unpin, postId: null, targetId: null, targetName: null)));

    [Fact]
    public void SlowMode_SaysTheIntervalOrOff()
    {
        Assert.Equal("Anna id 5 set slow mode to one post every 30 s.",
            Sentence(Line(ModerationAction.SlowMode, "30 s", postId: null, targetId: null, targetName: null)));
        Assert.Equal("Anna id 5 turned slow mode off.",
            Sentence(Line(ModerationAction.SlowMode, "off", postId: null, targetId: null, targetName: null)));
    }

    [Fact]
    public void BlockedWords_SaysHowMany()
    {
        Assert.Equal("Anna id 5 set the blocked words: 3 words.",
            Sentence(Line(ModerationAction.BlockedWords, "3 words", postId: null, targetId: null, targetName: null)));
        Assert.Equal("Anna id 5 cleared the blocked words.",
            Sentence(Line(ModerationAction.BlockedWords, "0 words", postId: null, targetId: null, targetName: null)));
    }

    [Theory]
    [InlineData(nameof(PremoderationMode.EveryPost), "Anna id 5 set premoderation to every post.")]
    [InlineData(nameof(PremoderationMode.FirstPost), "Anna id 5 set premoderation to a new user's first post.")]
    [InlineData(nameof(PremoderationMode.Off), "Anna id 5 turned premoderation off.")]
    public void Premoderation_SaysWhichPostsWait(string detail, string expected) =>
        Assert.Equal(expected, Sentence(Line(ModerationAction.Premoderation, detail, postId: null, targetId: null, targetName: null)));

    [Fact]
    public void Approve_SaysWhosePost() =>
        Assert.Equal("Anna id 5 approved a post by Boris id 7.", Sentence(Line(ModerationAction.Approve)));

    [Fact]
    public void Reject_SaysWhosePostAndWhy() =>
        Assert.Equal("Anna id 5 turned down a post by Boris id 7: advertising.", Sentence(Line(ModerationAction.Reject, "advertising")));

    [Fact]
    public void HandOver_SaysFromWhomToWhomAndByWhichAdministrator()
    {
        Assert.Equal("Anna id 5 (administrator) handed the channel from Squatter id 3 to Boris id 7.",
            Sentence(Line(ModerationAction.HandOver, "Squatter (3)", postId: null)));
        Assert.Equal("Anna id 5 (administrator) handed the channel, which had no owner, to Boris id 7.",
            Sentence(Line(ModerationAction.HandOver, postId: null)));
    }

    [Fact]
    public void Names_AreTextInTheirOwnIsolates_WithTheirIds()
    {
        var cut = Render<ModerationLogView>(p => p.Add(x => x.Entries, [
            new LogEntry(1, ModerationAction.LiftBan, 5, "<b>Anna</b>", null, 7, "", At, "\u202EsiroB"),
        ]));

        Assert.Equal("<b>Anna</b>", cut.Find("bdi.log-moderator").TextContent);
        Assert.Equal("siroB", cut.Find("bdi.log-target").TextContent);
        Assert.Equal(["id 5", "id 7"], cut.FindAll(".user-id").Select(e => e.TextContent));
        Assert.Empty(cut.FindAll("b"));
    }

    [Fact]
    public void TargetWhoDeletedTheirAccount_IsShownByIdAlone() =>
        Assert.Equal("Anna id 5 lifted the ban on a deleted account id 7.",
            Sentence(Line(ModerationAction.LiftBan, postId: null, targetName: null)));
}
