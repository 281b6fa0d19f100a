using System.Net;
using Widget.Bench.Net;
using Widget.Bench.Peers;

namespace Widget.Bench.SignalR;

/// <summary>Connections that post; on the hub, signed in, connection i with token i modulo the tokens given.</summary>
public sealed class PosterPool : IAsyncDisposable
{
    private readonly HttpMessageInvoker invoker;
    private readonly CancellationTokenSource life = new();
    private ILiveConnection[] sockets = [];
    private Task keepAlive = Task.CompletedTask;

    public PosterPool(IReadOnlyList<IPAddress> sources) => invoker = new HttpMessageInvoker(Loopback.Handler(sources));

    public IReadOnlyList<ILiveConnection> Sockets => sockets;

    public async Task ConnectAsync(string protocol, string url, IReadOnlyList<string?> tokens, int count, CancellationToken ct)
    {
        var opened = new ILiveConnection[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 20, CancellationToken = ct },
            async (i, token) => opened[i] = await LiveProtocol.ConnectAsync(protocol, url, tokens[i % tokens.Count], invoker, null, life.Token, token));
        sockets = opened;
        keepAlive = KeepAlive.RunAsync(() => sockets, TimeSpan.FromSeconds(10), life.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await life.CancelAsync();
        await keepAlive;
        foreach (var socket in sockets)
        {
            await socket.DisposeAsync();
        }

        invoker.Dispose();
        life.Dispose();
    }
}
