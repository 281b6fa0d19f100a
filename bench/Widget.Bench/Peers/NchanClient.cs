using System.Net.Http.Headers;
using Widget.Bench.Measure;

namespace Widget.Bench.Peers;

/// <summary>
/// nginx with nchan (bench/nchan): a viewer is a WebSocket subscriber of <c>/sub/{channel}</c>, opened
/// by the join; a post is <c>POST /pub/{channel}</c> whose body nchan sends, as it is, to each subscriber
/// and whose 201/202 is the acknowledgement. nchan neither numbers nor renders a post, so the poster
/// sends the bare hub's whole payload (<see cref="PeerPost"/>).
/// </summary>
public sealed class NchanClient(Uri root, HttpMessageInvoker invoker, ILiveEvents? events, CancellationToken life) : PeerSocket(events)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private int publishing;

    public override int Outstanding => base.Outstanding + Volatile.Read(ref publishing);

    public override async Task<string?> JoinAsync(string tag, CancellationToken ct)
    {
        var ws = new UriBuilder(root) { Scheme = "ws", Path = "/sub/" + Uri.EscapeDataString(tag) }.Uri;
        await OpenAsync(ws, invoker, life, ct);
        return null;
    }

    public override Task<string?> PostAsync(string channel, int phase, long key, out long sentAt, CancellationToken ct)
    {
        sentAt = MonotonicClock.Now();
        var body = new ByteArrayContent(PeerPost.Event(channel, key, PostMarker.Format(phase, key, sentAt)));
        body.Headers.ContentType = Json;
        return PublishAsync(new Uri(root, "/pub/" + Uri.EscapeDataString(channel)), body, ct);
    }

    protected override void OnMessage(ReadOnlySpan<byte> message, long receivedAt) =>
        Events?.OnPostAdded(this, PeerPost.Text(message), receivedAt);

    private async Task<string?> PublishAsync(Uri uri, HttpContent body, CancellationToken ct)
    {
        Interlocked.Increment(ref publishing);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = body };
            using var response = await invoker.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
        finally
        {
            Interlocked.Decrement(ref publishing);
        }
    }
}
