using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Auth;
using Widget.Web.Together;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>A widget's connection to the together hub over a real WebSocket, recording what the server pushes.</summary>
public sealed class TogetherClient : IAsyncDisposable
{
    private readonly Channel<Knock> knocks = Channel.CreateUnbounded<Knock>();
    private readonly Channel<SessionView> admissions = Channel.CreateUnbounded<SessionView>();
    private readonly Channel<string> declines = Channel.CreateUnbounded<string>();
    private readonly Channel<CursorBatch> cursors = Channel.CreateUnbounded<CursorBatch>();
    private readonly Channel<string> endings = Channel.CreateUnbounded<string>();
    private readonly Channel<SessionView> changes = Channel.CreateUnbounded<SessionView>();
    private readonly Channel<FormRelay> forms = Channel.CreateUnbounded<FormRelay>();

    private TogetherClient(HubConnection connection, IssuedToken user)
    {
        Connection = connection;
        User = user;
        connection.On<Knock>(nameof(ITogetherClient.Knocked), k => knocks.Writer.TryWrite(k));
        connection.On<SessionView>(nameof(ITogetherClient.Admitted), s => admissions.Writer.TryWrite(s));
        connection.On<string>(nameof(ITogetherClient.Declined), id => declines.Writer.TryWrite(id));
        connection.On<CursorBatch>(nameof(ITogetherClient.Cursors), b => cursors.Writer.TryWrite(b));
        connection.On<string>(nameof(ITogetherClient.Ended), id => endings.Writer.TryWrite(id));
        connection.On<string>(nameof(ITogetherClient.Removed), id => endings.Writer.TryWrite(id));
        connection.On<SessionView>(nameof(ITogetherClient.ParticipantsChanged), s => changes.Writer.TryWrite(s));
        connection.On<FormRelay>(nameof(ITogetherClient.FormChanged), f => forms.Writer.TryWrite(f));
    }

    public HubConnection Connection { get; }

    public IssuedToken User { get; }

    public ChannelReader<Knock> Knocks => knocks.Reader;

    public ChannelReader<SessionView> Admissions => admissions.Reader;

    public ChannelReader<string> Declines => declines.Reader;

    public ChannelReader<CursorBatch> Cursors => cursors.Reader;

    /// <summary>Sessions that ended for this client, or that it was removed from.</summary>
    public ChannelReader<string> Endings => endings.Reader;

    /// <summary>The session as it is after someone was admitted, removed or left.</summary>
    public ChannelReader<SessionView> ParticipantChanges => changes.Reader;

    /// <summary>Form updates the others in the session sent.</summary>
    public ChannelReader<FormRelay> FormChanges => forms.Reader;

    /// <summary>A new user, signed in, connected to the together hub.</summary>
    public static async Task<TogetherClient> ConnectNewAsync(WidgetApp app, CancellationToken ct) =>
        await ConnectAsync(app, await Users.NewAsync(app, ct), ct);

    public static async Task<TogetherClient> ConnectAsync(WidgetApp app, IssuedToken user, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, TogetherHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
            })
            .Build();
        await connection.StartAsync(ct);
        return new TogetherClient(connection, user);
    }

    public Task<SessionView> StartAsync(string tag, CancellationToken ct) =>
        Connection.InvokeAsync<SessionView>(nameof(TogetherHub.Start), tag, ct);

    public Task<KnockAnswer> KnockAsync(string sessionId, CancellationToken ct) =>
        Connection.InvokeAsync<KnockAnswer>(nameof(TogetherHub.Knock), sessionId, ct);

    public Task AdmitAsync(string sessionId, long userId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.Admit), sessionId, userId, ct);

    public Task DeclineAsync(string sessionId, long userId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.Decline), sessionId, userId, ct);

    public Task RemoveAsync(string sessionId, long userId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.Remove), sessionId, userId, ct);

    public Task LeaveAsync(string sessionId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.Leave), sessionId, ct);

    public Task EndAsync(string sessionId, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.End), sessionId, ct);

    public Task MoveAsync(string sessionId, CursorPosition position, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.Move), sessionId, position, ct);

    public Task SendFormAsync(string sessionId, FormUpdate update, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.SendForm), sessionId, update, ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
