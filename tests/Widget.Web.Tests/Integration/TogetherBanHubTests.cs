using Microsoft.AspNetCore.SignalR;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;
using static Widget.Web.Tests.Infrastructure.TogetherScene;

namespace Widget.Web.Tests.Integration;

/// <summary>A ban in the site's channel reaches the browsing sessions already under way there, not only their doors.</summary>
public sealed class TogetherBanHubTests(WidgetApp app)
{
    private static readonly CursorPosition OnTheButton = new("#order/2", 0.25, 0.5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ban_OfAParticipant_TakesThemOutOfTheSession_AndTheOthersSeeThemGo()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var borisOut = Record<string>(boris, nameof(ITogetherClient.Removed));
        var annaSees = Record<SessionView>(scene.Creator, nameof(ITogetherClient.ParticipantsChanged));

        await ModerationDesk.RunAsync(app, m => m.BanAsync(scene.OwnerId, scene.Tag, boris.User.User.Id, null, "spam", shadow: false, Ct));

        Assert.Equal(scene.SessionId, await NextAsync(borisOut, Ct));
        // The list that announced Boris's arrival may still be on its way; the one after the ban drops him.
        SessionView seen;
        do
        {
            seen = await NextAsync(annaSees, Ct);
        }
        while (seen.Participants.Any(p => p.UserId == boris.User.User.Id));

        Assert.Equal([scene.Creator.User.User.Id], seen.Participants.Select(p => p.UserId));
        var move = await Assert.ThrowsAsync<HubException>(() => boris.MoveAsync(scene.SessionId, OnTheButton, Ct));
        Assert.Contains("You are not in this session", move.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ban_OfSomeoneKnocking_DeclinesTheKnock_SoTheCreatorCannotLetThemIn()
    {
        await using var scene = await StartAsync(app, Ct);
        await using var troll = await TogetherClient.ConnectNewAsync(app, Ct);
        var knocks = Record<Knock>(scene.Creator, nameof(ITogetherClient.Knocked));
        await troll.KnockAsync(scene.SessionId, Ct);
        var knock = await NextAsync(knocks, Ct);

        await ModerationDesk.RunAsync(app, m => m.BanAsync(scene.OwnerId, scene.Tag, troll.User.User.Id, null, "spam", shadow: false, Ct));

        Assert.Equal(scene.SessionId, await NextAsync(troll.Declines, Ct));
        var admit = await Assert.ThrowsAsync<HubException>(() => scene.Creator.AdmitAsync(scene.SessionId, knock.UserId, Ct));
        Assert.Contains("Nobody of that id is asking to join.", admit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ban_OfTheCreator_EndsTheSessionForEveryone()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var borisHears = Record<string>(boris, nameof(ITogetherClient.Ended));

        await ModerationDesk.RunAsync(app, m => m.BanAsync(scene.OwnerId, scene.Tag, scene.Creator.User.User.Id, null, "spam", shadow: false, Ct));

        Assert.Equal(scene.SessionId, await NextAsync(borisHears, Ct));
        var move = await Assert.ThrowsAsync<HubException>(() => boris.MoveAsync(scene.SessionId, OnTheButton, Ct));
        Assert.Contains("This session has ended", move.Message, StringComparison.Ordinal);
    }
}
