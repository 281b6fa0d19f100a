using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Language;
using Widget.Web.Moderation;
using Widget.Core.Posts;
using Widget.Core.Reactions;
using Widget.Data.Reactions;
using Widget.Web.Posting;
using Widget.Web.Presence;
using Widget.Web.Reactions;
using Widget.Web.Realtime;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>A widget's hub connection over a real WebSocket, recording what the server pushes.</summary>
public sealed class LiveViewer : IAsyncDisposable
{
    private readonly Channel<PostEvent> posts = Channel.CreateUnbounded<PostEvent>();
    private readonly Channel<PresenceDiff> presence = Channel.CreateUnbounded<PresenceDiff>();
    private readonly Channel<PageCount> pageCounts = Channel.CreateUnbounded<PageCount>();
    private readonly Channel<TypingEvent> typing = Channel.CreateUnbounded<TypingEvent>();
    private readonly Channel<PostRemovedEvent> removals = Channel.CreateUnbounded<PostRemovedEvent>();
    private readonly Channel<BannedEvent> bans = Channel.CreateUnbounded<BannedEvent>();
    private readonly Channel<PostPinnedEvent> pins = Channel.CreateUnbounded<PostPinnedEvent>();
    private readonly Channel<PostEditedEvent> edits = Channel.CreateUnbounded<PostEditedEvent>();
    private readonly Channel<ReactionsChangedEvent> reactions = Channel.CreateUnbounded<ReactionsChangedEvent>();
    private readonly Channel<UnbannedEvent> unbans = Channel.CreateUnbounded<UnbannedEvent>();
    private readonly Channel<HeldPostEvent> held = Channel.CreateUnbounded<HeldPostEvent>();
    private readonly Channel<PostRejectedEvent> rejections = Channel.CreateUnbounded<PostRejectedEvent>();
    private readonly ConcurrentQueue<int> frames = new();
    private int signedOut;

    private LiveViewer(HubConnection connection)
    {
        Connection = connection;
        connection.On<PostEvent>(nameof(ILiveClient.PostAdded), e =>
        {
            frames.Enqueue(1);
            posts.Writer.TryWrite(e);
        });
        connection.On<PostEvent[]>(nameof(ILiveClient.PostsAdded), batch =>
        {
            frames.Enqueue(batch.Length);
            Array.ForEach(batch, e => posts.Writer.TryWrite(e));
        });
        connection.On<PostRemovedEvent>(nameof(ILiveClient.PostRemoved), e => removals.Writer.TryWrite(e));
        connection.On<PostEditedEvent>(nameof(ILiveClient.PostEdited), e => edits.Writer.TryWrite(e));
        connection.On<ReactionsChangedEvent>(nameof(ILiveClient.ReactionsChanged), e => reactions.Writer.TryWrite(e));
        connection.On<BannedEvent>(nameof(ILiveClient.Banned), e => bans.Writer.TryWrite(e));
        connection.On<PostPinnedEvent>(nameof(ILiveClient.PostPinned), e => pins.Writer.TryWrite(e));
        connection.On<UnbannedEvent>(nameof(ILiveClient.Unbanned), e => unbans.Writer.TryWrite(e));
        connection.On<HeldPostEvent>(nameof(ILiveClient.PostHeld), e => held.Writer.TryWrite(e));
        connection.On<PostRejectedEvent>(nameof(ILiveClient.PostRejected), e => rejections.Writer.TryWrite(e));
        connection.On(nameof(ILiveClient.SignedOut), () => Interlocked.Exchange(ref signedOut, 1));
        connection.On<PresenceDiff>(nameof(ILiveClient.PresenceChanged), d => presence.Writer.TryWrite(d));
        connection.On<PageCount>(nameof(ILiveClient.PageCountChanged), c => pageCounts.Writer.TryWrite(c));
        connection.On<TypingEvent>(nameof(ILiveClient.Typing), e => typing.Writer.TryWrite(e));
    }

    public HubConnection Connection { get; }

    /// <summary>How many posts each frame of new posts carried, in the order they came.</summary>
    public IReadOnlyList<int> PostFrames => [.. frames];

    public bool WasSignedOut => Volatile.Read(ref signedOut) == 1;

    /// <param name="language">The widget's language code, as widget.js passes it; null connects as a client that names none.</param>
    public static async Task<LiveViewer> ConnectAsync(WidgetApp app, string? token, CancellationToken ct, string? language = null)
    {
        var path = language is null ? LiveHub.Path : $"{LiveHub.Path}?{HubLanguage.Query}={language}";
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        var viewer = new LiveViewer(connection);
        await connection.StartAsync(ct);
        return viewer;
    }

    public Task<CatchUp> JoinAsync(string tag, long afterSeq, CancellationToken ct) =>
        Connection.InvokeAsync<CatchUp>(nameof(LiveHub.Join), tag, afterSeq, ct);

    public Task<CatchUp> WatchAsync(string tag, long afterSeq, CancellationToken ct) =>
        Connection.InvokeAsync<CatchUp>(nameof(LiveHub.Watch), tag, afterSeq, ct);

    public Task<PostAccepted> PostAsync(string channel, string text, CancellationToken ct, Guid? clientId = null, long? replyTo = null) =>
        Connection.InvokeAsync<PostAccepted>(nameof(LiveHub.Post), new PostRequest(channel, clientId ?? Guid.NewGuid(), text, replyTo), ct);

    public Task<Post> EditAsync(long postId, string text, CancellationToken ct) =>
        Connection.InvokeAsync<Post>(nameof(LiveHub.EditPost), new EditPostRequest(postId, text), ct);

    public Task<IReadOnlyList<ReactionCount>> ReactAsync(long postId, string emoji, bool on, CancellationToken ct) =>
        Connection.InvokeAsync<IReadOnlyList<ReactionCount>>(nameof(LiveHub.React), new ReactRequest(postId, emoji, on), ct);

    public Task<IReadOnlyList<OwnReaction>> MyReactionsAsync(long[] postIds, CancellationToken ct) =>
        Connection.InvokeAsync<IReadOnlyList<OwnReaction>>(nameof(LiveHub.MyReactions), postIds, ct);

    public Task<PostEditedEvent> NextEditAsync(CancellationToken ct) => WithinSecondsAsync(edits, ct);

    public Task<ReactionsChangedEvent> NextReactionsAsync(CancellationToken ct) => WithinSecondsAsync(reactions, ct);

    /// <summary>The next pushed post, failing the test if none comes within a few seconds.</summary>
    public Task<PostEvent> NextPostAsync(CancellationToken ct) => NextAsync(posts, ct);

    /// <summary>Reads presence diffs until one satisfies <paramref name="wanted"/>.</summary>
    public async Task<PresenceDiff> PresenceUntilAsync(Func<PresenceDiff, bool> wanted, CancellationToken ct)
    {
        while (true)
        {
            var diff = await NextAsync(presence, ct);
            if (wanted(diff))
            {
                return diff;
            }
        }
    }

    /// <summary>Every presence diff pushed within <paramref name="wait"/>.</summary>
    public async Task<IReadOnlyList<PresenceDiff>> PresenceDuringAsync(TimeSpan wait, CancellationToken ct)
    {
        await Task.Delay(wait, ct);
        var seen = new List<PresenceDiff>();
        while (presence.Reader.TryRead(out var diff))
        {
            seen.Add(diff);
        }

        return seen;
    }

    public Task<PageCount> NextPageCountAsync(CancellationToken ct) => NextAsync(pageCounts, ct);

    public Task<TypingEvent> NextTypingAsync(CancellationToken ct) => NextAsync(typing, ct);

    public bool HasTyping => typing.Reader.TryPeek(out _);

    private static async Task<T> NextAsync<T>(Channel<T> channel, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    public Task<PostRemovedEvent> NextRemovalAsync(CancellationToken ct) => WithinSecondsAsync(removals, ct);

    public bool WasToldOfABan => bans.Reader.TryPeek(out _);

    public Task<BannedEvent> NextBanAsync(CancellationToken ct) => WithinSecondsAsync(bans, ct);

    public Task<PostPinnedEvent> NextPinAsync(CancellationToken ct) => WithinSecondsAsync(pins, ct);

    /// <summary>True if no removal is pushed within <paramref name="wait"/>.</summary>
    public async Task<bool> SeesNoRemovalAsync(TimeSpan wait, CancellationToken ct)
    {
        await Task.Delay(wait, ct);
        return !removals.Reader.TryPeek(out _);
    }

    public Task<UnbannedEvent> NextUnbanAsync(CancellationToken ct) => WithinSecondsAsync(unbans, ct);

    public Task<HeldPostEvent> NextHeldAsync(CancellationToken ct) => WithinSecondsAsync(held, ct);

    public Task<PostRejectedEvent> NextRejectionAsync(CancellationToken ct) => WithinSecondsAsync(rejections, ct);

    public Task<OwnView> MineAsync(string tag, long afterSeq, CancellationToken ct) =>
        Connection.InvokeAsync<OwnView>(nameof(LiveHub.Mine), tag, afterSeq, ct);

    public Task DeletePostAsync(long postId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(LiveHub.DeletePost), postId, ct);

    public Task<string> ReportAsync(string tag, long postId, string reason, CancellationToken ct) =>
        Connection.InvokeAsync<string>(nameof(LiveHub.Report), new ReportRequest(tag, postId, reason), ct);

    private static async Task<T> WithinSecondsAsync<T>(Channel<T> events, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True if nothing is pushed within <paramref name="wait"/>.</summary>
    public async Task<bool> StaysQuietAsync(TimeSpan wait, CancellationToken ct)
    {
        await Task.Delay(wait, ct);
        return !posts.Reader.TryPeek(out _);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
