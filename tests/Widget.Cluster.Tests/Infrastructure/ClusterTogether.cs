using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Together;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>A widget's connection to one node's together hub, with what it hears in channels a test reads.</summary>
internal sealed class ClusterTogether : IAsyncDisposable
{
    private ClusterTogether(HubConnection connection)
    {
        Connection = connection;
        connection.On<Knock>(nameof(ITogetherClient.Knocked), k => Knocks.Writer.TryWrite(k));
        connection.On<SessionView>(nameof(ITogetherClient.Admitted), v => Admissions.Writer.TryWrite(v));
        connection.On<string>(nameof(ITogetherClient.Declined), id => Declines.Writer.TryWrite(id));
        connection.On<string>(nameof(ITogetherClient.Removed), id => Removals.Writer.TryWrite(id));
        connection.On<string>(nameof(ITogetherClient.Ended), id => Ends.Writer.TryWrite(id));
        connection.On<SessionView>(nameof(ITogetherClient.ParticipantsChanged), v => Participants.Writer.TryWrite(v));
        connection.On<CursorBatch>(nameof(ITogetherClient.Cursors), b => Cursors.Writer.TryWrite(b));
        connection.On<FormRelay>(nameof(ITogetherClient.FormChanged), r => Forms.Writer.TryWrite(r));
        connection.On<ChatLine>(nameof(ITogetherClient.Said), l => Lines.Writer.TryWrite(l));
        connection.On<PodBatch>(nameof(ITogetherClient.Pods), b => Pods.Writer.TryWrite(b));
        connection.On<long>(nameof(ITogetherClient.PodGone), id => PodsGone.Writer.TryWrite(id));
    }

    public HubConnection Connection { get; }

    public Channel<Knock> Knocks { get; } = Channel.CreateUnbounded<Knock>();

    public Channel<SessionView> Admissions { get; } = Channel.CreateUnbounded<SessionView>();

    public Channel<string> Declines { get; } = Channel.CreateUnbounded<string>();

    public Channel<string> Removals { get; } = Channel.CreateUnbounded<string>();

    public Channel<string> Ends { get; } = Channel.CreateUnbounded<string>();

    public Channel<SessionView> Participants { get; } = Channel.CreateUnbounded<SessionView>();

    public Channel<CursorBatch> Cursors { get; } = Channel.CreateUnbounded<CursorBatch>();

    public Channel<FormRelay> Forms { get; } = Channel.CreateUnbounded<FormRelay>();

    public Channel<ChatLine> Lines { get; } = Channel.CreateUnbounded<ChatLine>();

    public Channel<PodBatch> Pods { get; } = Channel.CreateUnbounded<PodBatch>();

    public Channel<long> PodsGone { get; } = Channel.CreateUnbounded<long>();

    /// <param name="token">Null for an anonymous visitor, who may watch pods and do nothing else.</param>
    public static Task<ClusterTogether> ConnectAsync(WidgetNode node, string? token, CancellationToken ct) =>
        ConnectAsync(node.BaseAddress, token, ct);

    /// <param name="server">A node, or nginx in front of them.</param>
    /// <param name="token">Null for an anonymous visitor, who may watch pods and do nothing else.</param>
    public static async Task<ClusterTogether> ConnectAsync(Uri server, string? token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, TogetherHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync(ct);
        return new ClusterTogether(connection);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
