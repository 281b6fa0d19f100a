using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Auth;
using Widget.Web.Together;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>A widget watching a page's pods over a real WebSocket, signed in or anonymous, recording the pods it is sent.</summary>
public sealed class PodClient : IAsyncDisposable
{
    private readonly Channel<PodBatch> batches = Channel.CreateUnbounded<PodBatch>();
    private readonly Channel<long> gone = Channel.CreateUnbounded<long>();

    private PodClient(HubConnection connection, IssuedToken? user)
    {
        Connection = connection;
        User = user;
        connection.On<PodBatch>(nameof(ITogetherClient.Pods), b => batches.Writer.TryWrite(b));
        connection.On<long>(nameof(ITogetherClient.PodGone), id => gone.Writer.TryWrite(id));
    }

    public HubConnection Connection { get; }

    /// <summary>Null for an anonymous visitor.</summary>
    public IssuedToken? User { get; }

    public ChannelReader<PodBatch> Batches => batches.Reader;

    public ChannelReader<long> Gone => gone.Reader;

    public static async Task<PodClient> ConnectAsync(WidgetApp app, IssuedToken? user, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, TogetherHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (user is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
                }
            })
            .Build();
        await connection.StartAsync(ct);
        return new PodClient(connection, user);
    }

    public Task WatchAsync(string tag, string place, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.WatchPage), tag, place, ct);

    public Task ShowMeAsync(bool shown, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.ShowMe), shown, ct);

    public Task MoveAsync(CursorPosition position, CancellationToken ct) =>
        Connection.InvokeAsync(nameof(TogetherHub.MovePod), position, ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
