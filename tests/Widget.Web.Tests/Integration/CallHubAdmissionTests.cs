using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Calls;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Calls by admission, through the call hub as a widget that skips whatever its page would show.</summary>
public sealed class CallHubAdmissionTests(WidgetApp app)
{
    private const string NotAdmitted = "A moderator has to let you into this call first.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Join_WithoutBeingLetIn_IsRefused_ButTheChannelsModeratorsJoinWithoutAsking()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var appointed = await Users.NewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.AppointAsync(owner.User.Id, tag, appointed.User.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        await using var anna = await CallViewer.ConnectAsync(app, (await Users.NewAsync(app, Ct)).AccessToken, Ct);
        await using var ownerCall = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, appointed.AccessToken, Ct);

        var join = await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct));
        var check = await Assert.ThrowsAsync<HubException>(() => anna.CheckAsync(tag, Ct));

        Assert.Contains(NotAdmitted, join.Message, StringComparison.Ordinal);
        Assert.Contains(NotAdmitted, check.Message, StringComparison.Ordinal);
        Assert.True(await ownerCall.AskToJoinAsync(tag, Ct));
        Assert.True(await moderator.AskToJoinAsync(tag, Ct));
        await ownerCall.JoinAsync(tag, Ct);
        var joined = await moderator.JoinAsync(tag, Ct);
        Assert.Equal(2, joined.Roster.Members.Count);
        Assert.Empty((await ownerCall.JoinRequestsAsync(tag, Ct))!);
    }

    [Fact]
    public async Task Ask_TellsTheModerators_AndAdmit_LetsExactlyThatUserIntoExactlyThatChannel()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var (otherTag, _) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        var borisToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, borisToken.AccessToken, Ct);

        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        Assert.False(await boris.AskToJoinAsync(tag, Ct));

        var asked = await moderator.NextAskAsync(Ct);
        Assert.Equal((tag, annaToken.User.Id, annaToken.User.Name), (asked.Tag, asked.UserId, asked.Name));
        Assert.Equal(borisToken.User.Id, (await moderator.NextAskAsync(Ct)).UserId);
        Assert.Equal([annaToken.User.Id, borisToken.User.Id], (await moderator.JoinRequestsAsync(tag, Ct))!.Select(r => r.UserId));
        Assert.Null(await anna.JoinRequestsAsync(tag, Ct));
        Assert.Null(await boris.JoinRequestsAsync(tag, Ct));
        await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct));

        await moderator.AdmitAsync(tag, annaToken.User.Id, Ct);

        var answer = await anna.NextJoinAnswerAsync(Ct);
        Assert.Equal((tag, true, true), (answer.Tag, answer.Admitted, answer.Answered));
        Assert.Equal(annaToken.User.Id, (await moderator.NextAskEndedAsync(Ct)).UserId);
        await anna.CheckAsync(tag, Ct);
        var joined = await anna.JoinAsync(tag, Ct);
        Assert.Equal([anna.Id], joined.Roster.Members.Select(m => m.ConnectionId));
        Assert.Contains(NotAdmitted, (await Assert.ThrowsAsync<HubException>(() => boris.JoinAsync(tag, Ct))).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<HubException>(() => boris.CheckAsync(tag, Ct));
        Assert.False(boris.GotJoinAnswer);
        Assert.Equal([borisToken.User.Id], (await moderator.JoinRequestsAsync(tag, Ct))!.Select(r => r.UserId));
        await anna.Connection.InvokeAsync(nameof(CallHub.Leave), Ct);
        Assert.Contains(NotAdmitted, (await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(otherTag, Ct))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admit_ByAnyoneButAModeratorOfThatChannel_OrForSomeoneWhoDidNotAsk_IsRefused()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var (otherTag, otherOwner) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        var borisToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var otherModerator = await CallViewer.ConnectAsync(app, otherOwner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, borisToken.AccessToken, Ct, lang: "ru");
        await using var signedOut = await CallViewer.ConnectAsync(app, token: null, Ct);
        Assert.False(await anna.AskToJoinAsync(tag, Ct));

        var self = await Assert.ThrowsAsync<HubException>(() => anna.AdmitAsync(tag, annaToken.User.Id, Ct));
        var member = await Assert.ThrowsAsync<HubException>(() => boris.AdmitAsync(tag, annaToken.User.Id, Ct));
        var elsewhere = await Assert.ThrowsAsync<HubException>(() => otherModerator.AdmitAsync(tag, annaToken.User.Id, Ct));
        var anonymous = await Assert.ThrowsAsync<HubException>(() => signedOut.AdmitAsync(tag, annaToken.User.Id, Ct));
        var declineBySelf = await Assert.ThrowsAsync<HubException>(() => anna.DeclineAsync(tag, annaToken.User.Id, Ct));
        var notAsked = await Assert.ThrowsAsync<HubException>(() => moderator.AdmitAsync(tag, borisToken.User.Id, Ct));
        var wrongChannel = await Assert.ThrowsAsync<HubException>(() => otherModerator.AdmitAsync(otherTag, annaToken.User.Id, Ct));

        Assert.All(new[] { self, elsewhere, anonymous, declineBySelf },
            e => Assert.Contains("Only the channel's moderators can do that.", e.Message, StringComparison.Ordinal));
        Assert.Contains("Это могут только модераторы канала.", member.Message, StringComparison.Ordinal);
        Assert.All(new[] { notAsked, wrongChannel }, e => Assert.Contains("That request to join has ended.", e.Message, StringComparison.Ordinal));
        await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct));
        await Assert.ThrowsAsync<HubException>(() => boris.JoinAsync(tag, Ct));
        await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(otherTag, Ct));
        Assert.Equal([annaToken.User.Id], (await moderator.JoinRequestsAsync(tag, Ct))!.Select(r => r.UserId));
        Assert.False(anna.GotJoinAnswer);
    }

    [Fact]
    public async Task Decline_TellsTheAsker_WhoStaysOut_AndCanAskAgain()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);
        Assert.False(await anna.AskToJoinAsync(tag, Ct));

        await moderator.DeclineAsync(tag, annaToken.User.Id, Ct);

        var answer = await anna.NextJoinAnswerAsync(Ct);
        Assert.Equal((false, true), (answer.Admitted, answer.Answered));
        await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct));
        Assert.Empty((await moderator.JoinRequestsAsync(tag, Ct))!);
        await Assert.ThrowsAsync<HubException>(() => moderator.AdmitAsync(tag, annaToken.User.Id, Ct));
        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        Assert.Single((await moderator.JoinRequestsAsync(tag, Ct))!);
    }

    [Fact]
    public async Task Ban_EndsTheAdmission_SoAfterTheBanIsLiftedTheyMustAskAgain_AndDropsAWaitingRequest()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        var borisToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);
        await using var boris = await CallViewer.ConnectAsync(app, borisToken.AccessToken, Ct);
        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        await moderator.AdmitAsync(tag, annaToken.User.Id, Ct);
        await anna.JoinAsync(tag, Ct);
        Assert.False(await boris.AskToJoinAsync(tag, Ct));

        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, annaToken.User.Id, null, "", shadow: false, Ct));
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, borisToken.User.Id, null, "", shadow: true, Ct));
        await anna.NextRemovalAsync(Ct);
        await ModerationDesk.RunAsync(app, m => m.LiftBanAsync(owner.User.Id, tag, annaToken.User.Id, Ct));

        Assert.Contains(NotAdmitted, (await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct))).Message, StringComparison.Ordinal);
        Assert.Empty((await moderator.JoinRequestsAsync(tag, Ct))!);
        await Assert.ThrowsAsync<HubException>(() => moderator.AdmitAsync(tag, borisToken.User.Id, Ct));
        Assert.Contains("banned", (await Assert.ThrowsAsync<HubException>(() => boris.AskToJoinAsync(tag, Ct))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TakenOutOfTheCall_MustAskAgain()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);
        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        await moderator.AdmitAsync(tag, annaToken.User.Id, Ct);
        await anna.JoinAsync(tag, Ct);
        await anna.Connection.InvokeAsync(nameof(CallHub.Leave), Ct);
        Assert.True(await anna.AskToJoinAsync(tag, Ct));
        await anna.JoinAsync(tag, Ct);

        await moderator.RemoveAsync(tag, anna.Id, Ct);

        await anna.NextRemovalAsync(Ct);
        await Assert.ThrowsAsync<HubException>(() => anna.JoinAsync(tag, Ct));
        Assert.False(await anna.AskToJoinAsync(tag, Ct));
    }

    [Fact]
    public async Task Asking_IsOneRequestPerUser_WithdrawnOnCancelOrClose_AndLimitedPerWindow()
    {
        var (tag, owner) = await AdmittedSiteAsync();
        var annaToken = await Users.NewAsync(app, Ct);
        await using var moderator = await CallViewer.ConnectAsync(app, owner.AccessToken, Ct);
        await using var anna = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct);

        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        Assert.False(await anna.AskToJoinAsync(tag, Ct));
        await moderator.NextAskAsync(Ct);
        Assert.Single((await moderator.JoinRequestsAsync(tag, Ct))!);
        await anna.CancelAskAsync(tag, Ct);
        Assert.Equal(annaToken.User.Id, (await moderator.NextAskEndedAsync(Ct)).UserId);
        Assert.Empty((await moderator.JoinRequestsAsync(tag, Ct))!);

        await using (var closing = await CallViewer.ConnectAsync(app, annaToken.AccessToken, Ct))
        {
            Assert.False(await closing.AskToJoinAsync(tag, Ct));
            await moderator.NextAskAsync(Ct);
        }

        Assert.Equal(annaToken.User.Id, (await moderator.NextAskEndedAsync(Ct)).UserId);
        for (var i = 2; i < 5; i++)
        {
            Assert.False(await anna.AskToJoinAsync(tag, Ct));
            await anna.CancelAskAsync(tag, Ct);
        }

        var tooOften = await Assert.ThrowsAsync<HubException>(() => anna.AskToJoinAsync(tag, Ct));
        Assert.Contains("too often", tooOften.Message, StringComparison.Ordinal);
        Assert.Empty((await moderator.JoinRequestsAsync(tag, Ct))!);
    }

    [Fact]
    public async Task Asking_PastTheChannelsCap_IsRefused_UntilARequestNobodyAnsweredLapses()
    {
        await using var capped = WidgetApp.With(new Dictionary<string, string>
        {
            ["Calls:MaxJoinRequests"] = "2",
            ["Calls:JoinRequestTimeout"] = "00:00:05",
            ["Calls:JoinRequestWindow"] = "00:00:05",
        });
        await capped.InitializeAsync();
        var tag = TestTags.New();
        var owner = await Users.NewAsync(capped, Ct);
        await SiteSeeder.ClaimAsync(capped.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.Admitted }, Ct);
        await using var moderator = await CallViewer.ConnectAsync(capped, owner.AccessToken, Ct);
        var askers = new List<CallViewer>();
        for (var i = 0; i < 3; i++)
        {
            askers.Add(await CallViewer.ConnectAsync(capped, (await Users.NewAsync(capped, Ct)).AccessToken, Ct));
        }

        Assert.False(await askers[0].AskToJoinAsync(tag, Ct));
        Assert.False(await askers[1].AskToJoinAsync(tag, Ct));
        var full = await Assert.ThrowsAsync<HubException>(() => askers[2].AskToJoinAsync(tag, Ct));

        Assert.Contains("Too many people are waiting", full.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await moderator.JoinRequestsAsync(tag, Ct))!.Count);

        var lapsed = await askers[0].NextJoinAnswerAsync(Ct);
        await askers[1].NextJoinAnswerAsync(Ct);

        Assert.Equal((tag, false, false), (lapsed.Tag, lapsed.Admitted, lapsed.Answered));
        Assert.Empty((await moderator.JoinRequestsAsync(tag, Ct))!);
        Assert.False(await askers[2].AskToJoinAsync(tag, Ct));
        await Assert.ThrowsAsync<HubException>(() => askers[0].JoinAsync(tag, Ct));
        foreach (var asker in askers)
        {
            await asker.DisposeAsync();
        }
    }

    private async Task<(string Tag, IssuedToken Owner)> AdmittedSiteAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { Calls = CallsMode.Admitted }, Ct);
        return (tag, owner);
    }
}
