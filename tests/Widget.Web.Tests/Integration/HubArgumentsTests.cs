using Microsoft.AspNetCore.SignalR;
using Widget.Web.Realtime;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Arguments no widget sends, over a real connection: each call gets a message that says what was wrong.</summary>
public sealed class HubArgumentsTests(WidgetApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(nameof(LiveHub.Post), "request", 1)]
    [InlineData(nameof(LiveHub.EditPost), "request", 1)]
    [InlineData(nameof(LiveHub.React), "request", 1)]
    [InlineData(nameof(LiveHub.Report), "request", 1)]
    [InlineData(nameof(LiveHub.MyReactions), "postIds", 1)]
    [InlineData(nameof(LiveHub.SetPage), "tag", 2)]
    [InlineData(nameof(LiveHub.Typing), "tag", 1)]
    [InlineData(nameof(LiveHub.Leave), "tag", 1)]
    public async Task Call_WithNullArguments_IsRefusedWithAClearMessage(string method, string parameter, int arguments)
    {
        await using var viewer = await Users.ConnectNewAsync(app, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(
            () => viewer.Connection.InvokeCoreAsync(method, typeof(object), new object?[arguments], Ct));

        // SignalR puts its own words before a HubException's message; the widget strips them.
        Assert.EndsWith($"HubException: Call {method} with a value for '{parameter}'.", refused.Message, StringComparison.Ordinal);
        await viewer.JoinAsync(TestTags.New(), 0, Ct);
    }

    [Fact]
    public async Task Post_WithAStringForItsRequest_IsRefusedAndTheConnectionStaysUsable()
    {
        await using var viewer = await Users.ConnectNewAsync(app, Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => viewer.Connection.InvokeCoreAsync(nameof(LiveHub.Post), typeof(object), ["hello"], Ct));

        // Arguments that do not bind never reach the hub's filters: SignalR answers for itself, without details.
        Assert.Equal("Failed to invoke 'Post' due to an error on the server.", refused.Message);
        await viewer.JoinAsync(TestTags.New(), 0, Ct);
    }
}
