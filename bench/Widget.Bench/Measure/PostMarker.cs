using System.Buffers.Text;
using System.Globalization;

namespace Widget.Bench.Measure;

/// <summary>
/// What a bench post carries in its text, "bench PHASE KEY SENT": the phase it belongs to, a key
/// unique within the phase, and the monotonic timestamp taken as it was sent. Plain words and digits,
/// so neither the service's text rules nor its HTML encoding change them.
/// </summary>
public static class PostMarker
{
    private static ReadOnlySpan<byte> Prefix => "bench "u8;

    public static string Format(int phase, long key, long sentAt) =>
        string.Create(CultureInfo.InvariantCulture, $"bench {phase} {key} {sentAt}");

    public static bool TryParse(ReadOnlySpan<byte> text, out int phase, out long key, out long sentAt)
    {
        phase = 0;
        key = 0;
        sentAt = 0;
        if (!text.StartsWith(Prefix))
        {
            return false;
        }

        text = text[Prefix.Length..];
        if (!Utf8Parser.TryParse(text, out phase, out var used) || used >= text.Length)
        {
            return false;
        }

        text = text[(used + 1)..];
        if (!Utf8Parser.TryParse(text, out key, out used) || used >= text.Length)
        {
            return false;
        }

        return Utf8Parser.TryParse(text[(used + 1)..], out sentAt, out _);
    }
}
