using System.Text;
using System.Text.Json;

namespace Widget.Bench.Peers;

/// <summary>
/// The bare hub's <c>PostAdded</c> payload, <c>{tag, seq, post: {..., text, ...}, html}</c>, for the
/// targets that broadcast what they are given (nchan), so every target puts about the same bytes on
/// the wire per delivery; and the post's text found again in such a payload.
/// </summary>
public static class PeerPost
{
    private static ReadOnlySpan<byte> TextKey => "\"text\":\""u8;

    public static byte[] Event(string channel, long id, string text)
    {
        var at = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("tag"u8, channel);
            json.WriteNumber("seq"u8, id);
            json.WriteStartObject("post"u8);
            json.WriteNumber("id"u8, id);
            json.WriteNumber("authorId"u8, 1);
            json.WriteString("authorName"u8, "bench");
            json.WriteString("text"u8, text);
            json.WriteString("createdAt"u8, at);
            json.WriteString("channel"u8, channel);
            json.WriteStartArray("tags"u8);
            json.WriteStringValue(channel);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("html"u8, Html(id, text, at));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The first <c>"text":"…"</c> value; the marker text has nothing JSON would escape.</summary>
    public static ReadOnlySpan<byte> Text(ReadOnlySpan<byte> payload)
    {
        var at = payload.IndexOf(TextKey);
        if (at < 0)
        {
            return default;
        }

        var rest = payload[(at + TextKey.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? default : rest[..end];
    }

    // The markup of bench/BareHub/Broadcaster.cs; the marker text needs no encoding.
    private static string Html(long id, string text, DateTimeOffset at) => new StringBuilder(300)
        .Append("<article class=\"post\" data-post-id=\"").Append(id).Append("\" data-seq=\"").Append(id)
        .Append("\" data-author-id=\"1\"><header class=\"post-head\"><span class=\"post-author\">bench</span><time class=\"post-time\" datetime=\"")
        .Append(at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append("\">")
        .Append(at.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
        .Append("</time></header><p class=\"post-text\">").Append(text).Append("</p></article>").ToString();
}
