using Widget.Bench.Measure;

namespace Widget.Bench.SignalR;

/// <summary>The hub's <c>Post({channel, clientId, text})</c>, with the send time stamped into the text just before it goes.</summary>
public static class Posting
{
    public static Task<string?> PostAsync(HubSocket socket, string channel, int phase, long key, out long sentAt, CancellationToken ct)
    {
        sentAt = MonotonicClock.Now();
        var text = PostMarker.Format(phase, key, sentAt);
        return socket.InvokeAsync("Post", json =>
        {
            json.WriteStartObject();
            json.WriteString("channel"u8, channel);
            json.WriteString("clientId"u8, Guid.NewGuid());
            json.WriteString("text"u8, text);
            json.WriteEndObject();
        }, ct);
    }
}
