using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;
using static Widget.Web.Tests.Infrastructure.TogetherScene;

namespace Widget.Web.Tests.Integration;

/// <summary>"Follow" on the real service: places pass only between participants, and only places on the site.</summary>
public sealed class TogetherFollowHubTests(WidgetApp app)
{
    private const string Pricing = "/pricing/lunch?size=2#menu";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Place_ReachesTheOthers_AndTheCallerHearsWhereTheOthersAre()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var annaHears = Record<PlaceView>(scene.Creator, nameof(ITogetherClient.PlaceChanged));
        var borisHears = Record<PlaceView>(boris, nameof(ITogetherClient.PlaceChanged));

        var annaFinds = await PlaceAsync(scene.Creator, scene.SessionId, "/", Ct);
        var borisFinds = await PlaceAsync(boris, scene.SessionId, Pricing, Ct);

        Assert.Empty(annaFinds);
        Assert.Equal([new PlaceView(scene.SessionId, scene.Creator.User.User.Id, "/")], borisFinds);
        Assert.Equal(new PlaceView(scene.SessionId, boris.User.User.Id, Pricing), await NextAsync(annaHears, Ct));
        Assert.Equal(new PlaceView(scene.SessionId, scene.Creator.User.User.Id, "/"), await NextAsync(borisHears, Ct));
    }

    [Fact]
    public async Task Place_ReachedByARouteChange_SaysSoLive_ButWhereSomeoneIsLaterIsAPlaceToLoad()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var borisHears = Record<PlaceView>(boris, nameof(ITogetherClient.PlaceChanged));
        var annaId = scene.Creator.User.User.Id;

        await PlaceAsync(scene.Creator, scene.SessionId, Pricing, Ct, route: true);
        var borisFinds = await PlaceAsync(boris, scene.SessionId, "/", Ct);

        Assert.Equal(new PlaceView(scene.SessionId, annaId, Pricing, Route: true), await NextAsync(borisHears, Ct));
        Assert.Equal([new PlaceView(scene.SessionId, annaId, Pricing)], borisFinds);
    }

    [Fact]
    public async Task Place_Follow_AndSummon_FromSomeoneOutsideTheSession_AreRefusedAndReachNobody()
    {
        await using var scene = await StartAsync(app, Ct);
        await using var stranger = await TogetherClient.ConnectNewAsync(app, Ct);
        var places = Record<PlaceView>(scene.Creator, nameof(ITogetherClient.PlaceChanged));
        var follows = Record<FollowView>(scene.Creator, nameof(ITogetherClient.Following));
        var summons = Record<PlaceView>(scene.Creator, nameof(ITogetherClient.Summoned));

        var place = await Assert.ThrowsAsync<HubException>(() => PlaceAsync(stranger, scene.SessionId, "/", Ct));
        var follow = await Assert.ThrowsAsync<HubException>(() =>
            stranger.Connection.InvokeAsync(nameof(TogetherHub.Follow), scene.SessionId, scene.Creator.User.User.Id, Ct));
        var summon = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync(nameof(TogetherHub.Summon), scene.SessionId, Ct));

        Assert.All([place, follow, summon], e => Assert.Contains("not in this session", e.Message, StringComparison.Ordinal));
        await AssertNothingAsync(places, Ct);
        await AssertNothingAsync(follows, Ct);
        await AssertNothingAsync(summons, Ct);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/pricing")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/pricing\njavascript:alert(1)")]
    [InlineData("/a b")]
    [InlineData("pricing")]
    [InlineData("")]
    public async Task Place_OffTheSite_IsRefusedAndReachesNobody(string place)
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var borisHears = Record<PlaceView>(boris, nameof(ITogetherClient.PlaceChanged));

        var refusal = await Assert.ThrowsAsync<HubException>(() => PlaceAsync(scene.Creator, scene.SessionId, place, Ct));

        Assert.Contains("not a page of this site", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(borisHears, Ct);
    }

    [Fact]
    public async Task Place_LongerThanTheLimit_IsRefused_AtTheLimit_Passes()
    {
        await using var scene = await StartAsync(app, Ct);
        var atLimit = "/" + new string('a', SitePlace.MaxLength - 1);

        await PlaceAsync(scene.Creator, scene.SessionId, atLimit, Ct);
        await Assert.ThrowsAsync<HubException>(() => PlaceAsync(scene.Creator, scene.SessionId, atLimit + "a", Ct));
    }

    [Fact]
    public async Task Follow_TellsTheOnesFollowed_AndOnlyAParticipantOtherThanOneselfCanBeFollowed()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var annaHears = Record<FollowView>(scene.Creator, nameof(ITogetherClient.Following));
        var (anna, borisId) = (scene.Creator.User.User.Id, boris.User.User.Id);

        await boris.Connection.InvokeAsync(nameof(TogetherHub.Follow), scene.SessionId, anna, Ct);
        await boris.Connection.InvokeAsync(nameof(TogetherHub.Follow), scene.SessionId, (long?)null, Ct);

        Assert.Equal(new FollowView(scene.SessionId, borisId, anna), await NextAsync(annaHears, Ct));
        Assert.Equal(new FollowView(scene.SessionId, borisId, null), await NextAsync(annaHears, Ct));
        await Assert.ThrowsAsync<HubException>(() => boris.Connection.InvokeAsync(nameof(TogetherHub.Follow), scene.SessionId, borisId, Ct));
        await Assert.ThrowsAsync<HubException>(() => boris.Connection.InvokeAsync(nameof(TogetherHub.Follow), scene.SessionId, anna + 1_000_000, Ct));
    }

    [Fact]
    public async Task Summon_AsksTheOthersToTheCallersPlace_AndNeverTheCaller()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var annaHears = Record<PlaceView>(scene.Creator, nameof(ITogetherClient.Summoned));
        var borisHears = Record<PlaceView>(boris, nameof(ITogetherClient.Summoned));

        await Assert.ThrowsAsync<HubException>(() => scene.Creator.Connection.InvokeAsync(nameof(TogetherHub.Summon), scene.SessionId, Ct));
        await PlaceAsync(scene.Creator, scene.SessionId, Pricing, Ct);
        await scene.Creator.Connection.InvokeAsync(nameof(TogetherHub.Summon), scene.SessionId, Ct);

        Assert.Equal(new PlaceView(scene.SessionId, scene.Creator.User.User.Id, Pricing), await NextAsync(borisHears, Ct));
        await AssertNothingAsync(annaHears, Ct);
    }

    [Fact]
    public async Task Rejoin_LetsAParticipantsNewConnectionBackIn_ButNotSomeoneNeverAdmitted()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        await using var borisAgain = await TogetherClient.ConnectAsync(app, boris.User, Ct);
        await using var stranger = await TogetherClient.ConnectNewAsync(app, Ct);
        var knocks = Record<Knock>(scene.Creator, nameof(ITogetherClient.Knocked));

        var view = await borisAgain.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), scene.SessionId, Ct);
        await PlaceAsync(borisAgain, scene.SessionId, "/", Ct);
        var refusal = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), scene.SessionId, Ct));

        Assert.Contains(boris.User.User.Id, view.Participants.Select(p => p.UserId));
        Assert.Contains("not in this session", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(knocks, Ct);
    }

    [Fact]
    public async Task Rejoin_ByAParticipantBannedSince_IsRefused()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(scene.OwnerId, scene.Tag, boris.User.User.Id, null, "spam", shadow: false, Ct));
        await using var borisAgain = await TogetherClient.ConnectAsync(app, boris.User, Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => borisAgain.Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Rejoin), scene.SessionId, Ct));

        Assert.Contains("banned", refusal.Message, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<PlaceView>> PlaceAsync(TogetherClient client, string sessionId, string place, CancellationToken ct, bool route = false) =>
        client.Connection.InvokeAsync<IReadOnlyList<PlaceView>>(nameof(TogetherHub.Place), sessionId, place, route, ct);
}
