using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Tests.Infrastructure;
using Widget.Web.Together;
using static Widget.Web.Tests.Infrastructure.TogetherScene;

namespace Widget.Web.Tests.Integration;

/// <summary>The session chat on the real service: lines among participants only, of a bounded length and rate.</summary>
public sealed class TogetherChatHubTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Say_ReachesEveryoneInTheSession_TheSenderToo_Cleaned()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var annaHears = Record<ChatLine>(scene.Creator, nameof(ITogetherClient.Said));
        var borisHears = Record<ChatLine>(boris, nameof(ITogetherClient.Said));

        await SayAsync(boris, scene.SessionId, "  look at\u202E the   <b>lunch</b>  ");

        var expected = new ChatLine(scene.SessionId, boris.User.User.Id, boris.User.User.Name, "look at the <b>lunch</b>");
        Assert.Equal(expected, await NextAsync(annaHears, Ct));
        Assert.Equal(expected, await NextAsync(borisHears, Ct));
    }

    [Fact]
    public async Task Say_FromSomeoneOutsideTheSession_IsRefusedAndReachesNobody()
    {
        await using var scene = await StartAsync(app, Ct);
        await using var stranger = await TogetherClient.ConnectNewAsync(app, Ct);
        var annaHears = Record<ChatLine>(scene.Creator, nameof(ITogetherClient.Said));

        var refusal = await Assert.ThrowsAsync<HubException>(() => SayAsync(stranger, scene.SessionId, "hello"));

        Assert.Contains("not in this session", refusal.Message, StringComparison.Ordinal);
        await AssertNothingAsync(annaHears, Ct);
    }

    [Fact]
    public async Task Say_LongerThanTheLimit_OrEmpty_IsRefused()
    {
        await using var scene = await StartAsync(app, Ct);
        var annaHears = Record<ChatLine>(scene.Creator, nameof(ITogetherClient.Said));

        await Assert.ThrowsAsync<HubException>(() => SayAsync(scene.Creator, scene.SessionId, new string('a', TogetherHub.MaxChatLine + 1)));
        await Assert.ThrowsAsync<HubException>(() => SayAsync(scene.Creator, scene.SessionId, " \u200B "));
        await SayAsync(scene.Creator, scene.SessionId, new string('a', TogetherHub.MaxChatLine));

        Assert.Equal(TogetherHub.MaxChatLine, (await NextAsync(annaHears, Ct)).Text.Length);
        await AssertNothingAsync(annaHears, Ct);
    }

    [Fact]
    public async Task Say_PastTheBurst_IsRefused_AndThoseLinesReachNobody()
    {
        await using var scene = await StartAsync(app, Ct);
        var boris = await scene.JoinAsync(Ct);
        var borisHears = Record<ChatLine>(boris, nameof(ITogetherClient.Said));
        var burst = new TogetherOptions().ChatBurst;

        for (var i = 0; i < burst; i++)
        {
            await SayAsync(scene.Creator, scene.SessionId, $"line {i}");
        }

        var refusal = await Assert.ThrowsAsync<HubException>(() => SayAsync(scene.Creator, scene.SessionId, "one too many"));

        Assert.Contains("too fast", refusal.Message, StringComparison.Ordinal);
        for (var i = 0; i < burst; i++)
        {
            Assert.Equal($"line {i}", (await NextAsync(borisHears, Ct)).Text);
        }

        await AssertNothingAsync(borisHears, Ct);
    }

    private static Task SayAsync(TogetherClient client, string sessionId, string text) =>
        client.Connection.InvokeAsync(nameof(TogetherHub.Say), sessionId, text, Ct);
}
