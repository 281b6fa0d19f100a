using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Calls;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>A widget's call hub connection over a real WebSocket, recording what the server pushes.</summary>
public sealed class CallViewer : IAsyncDisposable
{
    private readonly Channel<CallRoster> rosters = Channel.CreateUnbounded<CallRoster>();
    private readonly Channel<DescriptionEvent> descriptions = Channel.CreateUnbounded<DescriptionEvent>();
    private readonly Channel<CandidateEvent> candidates = Channel.CreateUnbounded<CandidateEvent>();
    private readonly Channel<CallRemovedEvent> removals = Channel.CreateUnbounded<CallRemovedEvent>();
    private readonly Channel<RingEvent> rings = Channel.CreateUnbounded<RingEvent>();
    private readonly Channel<RingAnsweredEvent> answers = Channel.CreateUnbounded<RingAnsweredEvent>();
    private readonly Channel<JoinRequestEvent> asks = Channel.CreateUnbounded<JoinRequestEvent>();
    private readonly Channel<JoinRequestEndedEvent> asksEnded = Channel.CreateUnbounded<JoinRequestEndedEvent>();
    private readonly Channel<JoinAnsweredEvent> joinAnswers = Channel.CreateUnbounded<JoinAnsweredEvent>();

    private CallViewer(HubConnection connection)
    {
        Connection = connection;
        connection.On<CallRoster>(nameof(ICallClient.CallChanged), r => rosters.Writer.TryWrite(r));
        connection.On<DescriptionEvent>(nameof(ICallClient.Description), e => descriptions.Writer.TryWrite(e));
        connection.On<CandidateEvent>(nameof(ICallClient.Candidate), e => candidates.Writer.TryWrite(e));
        connection.On<CallRemovedEvent>(nameof(ICallClient.Removed), e => removals.Writer.TryWrite(e));
        connection.On<RingEvent>(nameof(ICallClient.Ringing), e => rings.Writer.TryWrite(e));
        connection.On<RingAnsweredEvent>(nameof(ICallClient.RingAnswered), e => answers.Writer.TryWrite(e));
        connection.On<JoinRequestEvent>(nameof(ICallClient.JoinAsked), e => asks.Writer.TryWrite(e));
        connection.On<JoinRequestEndedEvent>(nameof(ICallClient.JoinRequestEnded), e => asksEnded.Writer.TryWrite(e));
        connection.On<JoinAnsweredEvent>(nameof(ICallClient.JoinAnswered), e => joinAnswers.Writer.TryWrite(e));
    }

    public HubConnection Connection { get; }

    public string Id => Connection.ConnectionId ?? throw new InvalidOperationException("Not connected.");

    public static async Task<CallViewer> ConnectAsync(WidgetApp app, string? token, CancellationToken ct, string lang = "en")
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, $"{CallHub.Path}?lang={lang}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        var viewer = new CallViewer(connection);
        await connection.StartAsync(ct);
        return viewer;
    }

    public Task<CallRoster> WatchAsync(string tag, CancellationToken ct) => Connection.InvokeAsync<CallRoster>(nameof(CallHub.Watch), tag, ct);

    public Task<CallJoined> JoinAsync(string tag, CancellationToken ct) => Connection.InvokeAsync<CallJoined>(nameof(CallHub.Join), tag, ct);

    public Task<CallRoster> WatchSessionAsync(string sessionId, CancellationToken ct) =>
        Connection.InvokeAsync<CallRoster>(nameof(CallHub.WatchSession), sessionId, ct);

    public Task<CallJoined> JoinSessionAsync(string sessionId, CancellationToken ct) =>
        Connection.InvokeAsync<CallJoined>(nameof(CallHub.JoinSession), sessionId, ct);

    public Task OfferAsync(string to, string sdp, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(CallHub.SendDescription), to, new SessionDescription("offer", sdp), ct);

    public Task RemoveAsync(string tag, string connectionId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(CallHub.Remove), tag, connectionId, ct);

    public Task EndAsync(string tag, CancellationToken ct) => Connection.InvokeAsync(nameof(CallHub.End), tag, ct);

    public Task<CallCheck> CheckAsync(string tag, CancellationToken ct) => Connection.InvokeAsync<CallCheck>(nameof(CallHub.Check), tag, ct);

    public Task<IReadOnlyList<IceServer>> IceServersAsync(CancellationToken ct) =>
        Connection.InvokeAsync<IReadOnlyList<IceServer>>(nameof(CallHub.IceServers), ct);

    public Task<RingStarted> RingAsync(string tag, long userId, CancellationToken ct) =>
        Connection.InvokeAsync<RingStarted>(nameof(CallHub.Ring), tag, userId, ct);

    public Task<CallJoined?> AnswerAsync(string ringId, bool accept, CancellationToken ct) =>
        Connection.InvokeAsync<CallJoined?>(nameof(CallHub.AnswerRing), ringId, accept, ct);

    public Task<CallJoined> JoinDirectAsync(string ringId, CancellationToken ct) =>
        Connection.InvokeAsync<CallJoined>(nameof(CallHub.JoinDirect), ringId, ct);

    public Task<bool> AskToJoinAsync(string tag, CancellationToken ct) => Connection.InvokeAsync<bool>(nameof(CallHub.AskToJoin), tag, ct);

    public Task CancelAskAsync(string tag, CancellationToken ct) => Connection.InvokeAsync(nameof(CallHub.CancelAsk), tag, ct);

    public Task<IReadOnlyList<JoinRequest>?> JoinRequestsAsync(string tag, CancellationToken ct) =>
        Connection.InvokeAsync<IReadOnlyList<JoinRequest>?>(nameof(CallHub.JoinRequests), tag, ct);

    public Task AdmitAsync(string tag, long userId, CancellationToken ct) => Connection.InvokeAsync(nameof(CallHub.Admit), tag, userId, ct);

    public Task DeclineAsync(string tag, long userId, CancellationToken ct) => Connection.InvokeAsync(nameof(CallHub.Decline), tag, userId, ct);

    public Task<JoinRequestEvent> NextAskAsync(CancellationToken ct) => NextAsync(asks, ct);

    public Task<JoinRequestEndedEvent> NextAskEndedAsync(CancellationToken ct) => NextAsync(asksEnded, ct);

    public Task<JoinAnsweredEvent> NextJoinAnswerAsync(CancellationToken ct) => NextAsync(joinAnswers, ct);

    public bool GotAsk => asks.Reader.TryPeek(out _);

    public bool GotJoinAnswer => joinAnswers.Reader.TryPeek(out _);

    public Task<RingEvent> NextRingAsync(CancellationToken ct) => NextAsync(rings, ct);

    public Task<RingAnsweredEvent> NextAnswerAsync(CancellationToken ct) => NextAsync(answers, ct);

    public async Task<CallRoster> RosterUntilAsync(Func<CallRoster, bool> match, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var roster = await rosters.Reader.ReadAsync(timeout.Token);
            if (match(roster))
            {
                return roster;
            }
        }
    }

    public async Task<DescriptionEvent> NextDescriptionAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await descriptions.Reader.ReadAsync(timeout.Token);
    }

    public async Task<CallRemovedEvent> NextRemovalAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await removals.Reader.ReadAsync(timeout.Token);
    }

    private static async Task<T> NextAsync<T>(Channel<T> channel, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        return await channel.Reader.ReadAsync(timeout.Token);
    }

    public bool GotRemoval => removals.Reader.TryPeek(out _);

    public bool GotDescription => descriptions.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
