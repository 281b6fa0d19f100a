using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;

namespace Widget.Web.Tests.Integration;

/// <summary>"Browse together" sessions on the real service: who may start, knock and relay, and the limits on what they send.</summary>
public sealed class TogetherHubTests(WidgetApp app)
{
    private static readonly CursorPosition OnTheButton = new("#order/2", 0.25, 0.5);

    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OnASiteThatDidNotTurnItOn_IsRefused()
    {
        var tag = TestTags.New();
        await Users.OwnerOfAsync(app, tag, Ct);
        await using var anna = await TogetherClient.ConnectNewAsync(app, Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => anna.StartAsync(tag, Ct));

        Assert.Contains("not turned on", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knock_AdmittedByTheCreator_LetsTheKnockerSeeTheCreatorsCursor()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var boris = await TogetherClient.ConnectNewAsync(app, Ct);

        Assert.Equal("waiting", (await boris.KnockAsync(session.SessionId, Ct)).State);
        var knock = await NextAsync(anna.Knocks);
        await anna.AdmitAsync(session.SessionId, knock.UserId, Ct);
        var admitted = await NextAsync(boris.Admissions);
        await anna.MoveAsync(session.SessionId, OnTheButton, Ct);
        var batch = await NextAsync(boris.Cursors);

        Assert.Equal(boris.User.User.Id, knock.UserId);
        Assert.Equal(boris.User.User.Name, knock.Name);
        Assert.Equal([anna.User.User.Id, boris.User.User.Id], admitted.Participants.Select(p => p.UserId));
        Assert.Equal([new CursorMove(anna.User.User.Id, OnTheButton)], batch.Moves);
    }

    [Fact]
    public async Task Move_FromSomeoneOutsideTheSession_IsRefusedAndReachesNobody()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var stranger = await TogetherClient.ConnectNewAsync(app, Ct);

        var refusal = await Assert.ThrowsAsync<HubException>(() => stranger.MoveAsync(session.SessionId, OnTheButton, Ct));

        Assert.Contains("not in this session", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(anna.Cursors);
    }

    [Fact]
    public async Task Knock_ByAUserBannedInTheTag_IsRefusedAndTheCreatorHearsNothing()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { BrowseTogether = true }, Ct);
        await using var anna = await TogetherClient.ConnectNewAsync(app, Ct);
        var session = await anna.StartAsync(tag, Ct);
        await using var troll = await TogetherClient.ConnectNewAsync(app, Ct);
        await ModerationDesk.RunAsync(app, m => m.BanAsync(owner.User.Id, tag, troll.User.User.Id, null, "spam", shadow: false, Ct));

        var refusal = await Assert.ThrowsAsync<HubException>(() => troll.KnockAsync(session.SessionId, Ct));

        Assert.Contains("banned", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(anna.Knocks);
    }

    [Fact]
    public async Task DeclinedKnocker_IsToldSo_AndGetsNoCursorsNorMayRelayAny()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var boris = await TogetherClient.ConnectNewAsync(app, Ct);
        await boris.KnockAsync(session.SessionId, Ct);
        var knock = await NextAsync(anna.Knocks);

        await anna.DeclineAsync(session.SessionId, knock.UserId, Ct);
        Assert.Equal(session.SessionId, await NextAsync(boris.Declines));
        await anna.MoveAsync(session.SessionId, OnTheButton, Ct);

        await AssertNothingAsync(boris.Cursors);
        await Assert.ThrowsAsync<HubException>(() => boris.MoveAsync(session.SessionId, OnTheButton, Ct));
        await Assert.ThrowsAsync<HubException>(() => boris.AdmitAsync(session.SessionId, boris.User.User.Id, Ct));
    }

    [Fact]
    public async Task Admit_RemoveAndEnd_AreTheCreatorsAlone()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        var boris = await JoinAsync(anna, session);
        await using var borisConnection = boris;
        await using var carla = await TogetherClient.ConnectNewAsync(app, Ct);
        await carla.KnockAsync(session.SessionId, Ct);
        var knock = await NextAsync(anna.Knocks);

        await Assert.ThrowsAsync<HubException>(() => boris.AdmitAsync(session.SessionId, knock.UserId, Ct));
        await Assert.ThrowsAsync<HubException>(() => boris.EndAsync(session.SessionId, Ct));
        await anna.RemoveAsync(session.SessionId, boris.User.User.Id, Ct);

        Assert.Equal(session.SessionId, await NextAsync(boris.Endings));
        await Assert.ThrowsAsync<HubException>(() => boris.MoveAsync(session.SessionId, OnTheButton, Ct));
        await anna.EndAsync(session.SessionId, Ct);
        Assert.Equal(session.SessionId, await NextAsync(carla.Endings));
        await Assert.ThrowsAsync<HubException>(() => carla.KnockAsync(session.SessionId, Ct));
    }

    [Fact]
    public async Task Leave_TakesTheParticipantOffTheOthersList_AndOutOfTheSession()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        var boris = await JoinAsync(anna, session);
        await using var borisConnection = boris;

        var withBoris = await NextAsync(anna.ParticipantChanges);
        await Assert.ThrowsAsync<HubException>(() => anna.LeaveAsync(session.SessionId, Ct));
        await boris.LeaveAsync(session.SessionId, Ct);

        var after = await NextAsync(anna.ParticipantChanges);
        Assert.Equal([anna.User.User.Id, boris.User.User.Id], withBoris.Participants.Select(p => p.UserId));
        Assert.Equal([anna.User.User.Id], after.Participants.Select(p => p.UserId));
        await Assert.ThrowsAsync<HubException>(() => boris.MoveAsync(session.SessionId, OnTheButton, Ct));
    }

    [Fact]
    public async Task Move_TooBigForACursor_IsRefused_AndAMessageOverTheHubsLimitClosesTheConnection()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        var closed = new TaskCompletionSource();
        anna.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var longPath = "#a" + string.Concat(Enumerable.Repeat("/1", CursorPosition.MaxPathLength));
        await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(session.SessionId, OnTheButton with { Path = longPath }, Ct));
        await Assert.ThrowsAsync<HubException>(() => anna.MoveAsync(session.SessionId, OnTheButton with { X = 7 }, Ct));
        Assert.Equal(HubConnectionState.Connected, anna.Connection.State);
        _ = anna.Connection.SendAsync(nameof(TogetherHub.Move), session.SessionId, OnTheButton with { Path = new string('1', 8 * 1024) }, Ct);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Move_WithAClick_ReachesTheOthersFlagged()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var boris = await JoinAsync(anna, session);

        await anna.MoveAsync(session.SessionId, OnTheButton, Ct);
        var plain = await NextAsync(boris.Cursors);
        await anna.MoveAsync(session.SessionId, OnTheButton with { Click = true }, Ct);
        var clicked = await NextAsync(boris.Cursors);

        Assert.False(Assert.Single(plain.Moves).Position.Click);
        Assert.Equal([new CursorMove(anna.User.User.Id, OnTheButton with { Click = true })], clicked.Moves);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task Move_WithAClickThatIsNotABoolean_IsRefused_AndReachesNobody(string click)
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var boris = await JoinAsync(anna, session);
        var position = JsonDocument.Parse($$"""{ "path": "#order/2", "x": 0.25, "y": 0.5, "click": {{click}} }""").RootElement;

        await Assert.ThrowsAsync<HubException>(() => anna.Connection.InvokeAsync(nameof(TogetherHub.Move), session.SessionId, position, Ct));

        Assert.Equal(HubConnectionState.Connected, anna.Connection.State);
        await AssertNothingAsync(boris.Cursors);
    }

    [Fact]
    public async Task AFlood_FromOneConnection_IsCutOffAtTheRateLimit_AndCoalescedForTheOthers()
    {
        var (anna, session) = await StartSessionAsync();
        await using var annaConnection = anna;
        await using var boris = await JoinAsync(anna, session);
        var options = new TogetherOptions();

        var calls = Enumerable.Range(0, 200)
            .Select(i => anna.MoveAsync(session.SessionId, OnTheButton with { X = i / 200.0 }, Ct))
            .ToArray();
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return true;
            }
            catch (HubException e) when (e.Message.Contains("Too many", StringComparison.Ordinal))
            {
                return false;
            }
        }));
        await Task.Delay(Quiet, Ct);
        var batches = new List<CursorBatch>();
        while (boris.Cursors.TryRead(out var batch))
        {
            batches.Add(batch);
        }

        var passed = outcomes.Count(o => o);
        Assert.InRange(passed, options.CallBurst - 5, options.CallBurst + 25);
        Assert.InRange(batches.Count, 1, passed / 2);
        Assert.All(batches, b => Assert.Single(b.Moves));
        Assert.Equal(batches.Select(b => b.Sequence).Order(), batches.Select(b => b.Sequence));
        Assert.Equal(batches.Count, batches.Select(b => b.Sequence).Distinct().Count());
    }

    private async Task<(TogetherClient Creator, SessionView Session)> StartSessionAsync()
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, Ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, new SiteSettings { BrowseTogether = true }, Ct);
        var creator = await TogetherClient.ConnectNewAsync(app, Ct);
        return (creator, await creator.StartAsync(tag, Ct));
    }

    private async Task<TogetherClient> JoinAsync(TogetherClient creator, SessionView session)
    {
        var joiner = await TogetherClient.ConnectNewAsync(app, Ct);
        await joiner.KnockAsync(session.SessionId, Ct);
        await creator.AdmitAsync(session.SessionId, (await NextAsync(creator.Knocks)).UserId, Ct);
        await NextAsync(joiner.Admissions);
        return joiner;
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    private static async Task AssertNothingAsync<T>(ChannelReader<T> reader)
    {
        await Task.Delay(Quiet, Ct);
        Assert.False(reader.TryRead(out var item), $"Expected nothing, got {item}.");
    }
}
