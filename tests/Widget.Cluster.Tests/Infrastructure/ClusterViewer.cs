using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Widget.Web.Realtime;

namespace Widget.Cluster.Tests.Infrastructure;

/// <summary>
/// A widget's hub connection over WebSockets to a node or to nginx. Like widget.js it keeps the
/// newest seq it shows and merges the catch-up with live events by post id; it also counts how often
/// each post arrived live, so a test can see a post sent twice.
/// </summary>
public sealed class ClusterViewer : IAsyncDisposable
{
    private readonly Channel<PostEvent> live = Channel.CreateUnbounded<PostEvent>();
    private readonly ConcurrentDictionary<long, int> liveCounts = new();
    private readonly SortedDictionary<long, long> shown = [];
    private readonly Lock gate = new();

    private ClusterViewer(HubConnection connection, string tag)
    {
        Connection = connection;
        Tag = tag;
        connection.On<PostEvent>(nameof(ILiveClient.PostAdded), e =>
        {
            liveCounts.AddOrUpdate(e.Post.Id, 1, (_, n) => n + 1);
            Show([e]);
            live.Writer.TryWrite(e);
        });
    }

    public HubConnection Connection { get; }

    public string Tag { get; }

    /// <summary>Post ids shown, by seq.</summary>
    public IReadOnlyList<long> ShownIds
    {
        get
        {
            lock (gate)
            {
                return [.. shown.Values];
            }
        }
    }

    /// <summary>
    /// The newest seq with no gap before it: like widget.js, a post that arrives past a gap is shown,
    /// but the next join asks from before the gap, so the missed ones are fetched.
    /// </summary>
    public long LastSeq
    {
        get
        {
            lock (gate)
            {
                var last = 0L;
                foreach (var seq in shown.Keys)
                {
                    if (last != 0 && seq != last + 1)
                    {
                        break;
                    }

                    last = seq;
                }

                return last;
            }
        }
    }

    public IReadOnlyDictionary<long, int> LiveCounts => liveCounts;

    public static async Task<ClusterViewer> ConnectAsync(Uri baseAddress, string tag, string? token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, LiveHub.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();
        var viewer = new ClusterViewer(connection, tag);
        try
        {
            await connection.StartAsync(ct);
            return viewer;
        }
        catch
        {
            await viewer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Joins (again) from the newest seq shown, as the widget does on every (re)connect.</summary>
    public async Task<CatchUp> JoinAsync(CancellationToken ct)
    {
        var catchUp = await Connection.InvokeAsync<CatchUp>(nameof(LiveHub.Join), Tag, LastSeq, ct);
        Show(catchUp.Posts);
        return catchUp;
    }

    /// <summary>Takes the state of another (dropped) connection of the same widget.</summary>
    public void Remember(ClusterViewer earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        lock (gate)
        {
            foreach (var (seq, id) in earlier.shown)
            {
                shown[seq] = id;
            }
        }
    }

    public async Task<PostEvent> NextLiveAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        return await live.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Waits until the viewer shows every one of <paramref name="ids"/>.</summary>
    public async Task WaitToShowAsync(IReadOnlyCollection<long> ids, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ids.All(ShownIds.Contains))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Shown {ShownIds.Count} posts, missing {string.Join(",", ids.Except(ShownIds))}.");
            }

            await Task.Delay(50, ct);
        }
    }

    public Task<PostAccepted> PostAsync(string text, Guid clientId, CancellationToken ct) =>
        Connection.InvokeAsync<PostAccepted>(nameof(LiveHub.Post), new PostRequest(Tag, clientId, text), ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void Show(IEnumerable<PostEvent> events)
    {
        lock (gate)
        {
            foreach (var e in events)
            {
                shown[e.Seq] = e.Post.Id;
            }
        }
    }
}
