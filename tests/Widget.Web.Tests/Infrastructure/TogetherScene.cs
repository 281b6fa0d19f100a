using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Core.Sites;
using Widget.Testing;
using Widget.Web.Auth;
using Widget.Web.Together;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>A session on a site that turned "Browse together" on: its creator, and people let in by the creator.</summary>
internal sealed class TogetherScene(WidgetApp app, IssuedToken owner, TogetherClient creator, SessionView session) : IAsyncDisposable
{
    private readonly List<TogetherClient> joined = [];

    public TogetherClient Creator => creator;

    public string SessionId => session.SessionId;

    public string Tag => session.Tag;

    /// <summary>The site's owner, who moderates its channel.</summary>
    public IssuedToken Owner => owner;

    public long OwnerId => owner.User.Id;

    public static Task<TogetherScene> StartAsync(WidgetApp app, CancellationToken ct) =>
        StartAsync(app, new SiteSettings { BrowseTogether = true }, ct);

    public static async Task<TogetherScene> StartAsync(WidgetApp app, SiteSettings settings, CancellationToken ct)
    {
        var tag = TestTags.New();
        var owner = await Users.NewAsync(app, ct);
        await SiteSeeder.ClaimAsync(app.Services, tag, owner.User.Id, settings, ct);
        var creator = await TogetherClient.ConnectNewAsync(app, ct);
        return new TogetherScene(app, owner, creator, await creator.StartAsync(tag, ct));
    }

    /// <summary>A new user who knocks and whom the creator admits.</summary>
    public async Task<TogetherClient> JoinAsync(CancellationToken ct)
    {
        var joiner = await TogetherClient.ConnectNewAsync(app, ct);
        joined.Add(joiner);
        var knock = Record<Knock>(creator, nameof(ITogetherClient.Knocked));
        await joiner.KnockAsync(SessionId, ct);
        await creator.AdmitAsync(SessionId, (await NextAsync(knock, ct)).UserId, ct);
        return joiner;
    }

    /// <summary>What the server pushes to <paramref name="client"/> under <paramref name="method"/> from now on.</summary>
    public static ChannelReader<T> Record<T>(TogetherClient client, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        client.Connection.On<T>(method, item => channel.Writer.TryWrite(item));
        return channel.Reader;
    }

    public static async Task<T> NextAsync<T>(ChannelReader<T> reader, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    public static async Task AssertNothingAsync<T>(ChannelReader<T> reader, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(600), ct);
        Assert.False(reader.TryRead(out var item), $"Expected nothing, got {item}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in joined)
        {
            await client.DisposeAsync();
        }

        await creator.DisposeAsync();
    }
}
