using System.Text.Json;
using Microsoft.Playwright;

namespace Widget.Browser.Tests.Infrastructure;

/// <summary>
/// A slow socket, as a loaded server makes one: the hub's answer to a call of <c>method</c> is held back and goes
/// out in one frame with the next of the <c>events</c>, so the page reads both at once. SignalR writes whatever has
/// piled up for a connection as one frame, so a page must take an event that overtook an answer for what it is.
/// </summary>
public sealed class LateHubAnswers(string method, params string[] events)
{
    private const char RecordEnd = '\u001e';
    private const int Invocation = 1;
    private const int Completion = 3;

    private readonly Lock gate = new();
    private readonly HashSet<string> asked = [];
    private string? held;
    private int coalesced;

    /// <summary>How many answers went out together with an event.</summary>
    public int Coalesced => Volatile.Read(ref coalesced);

    public void Route(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        page.OnMessage(frame =>
        {
            if (frame.Text is { } words)
            {
                NoteCalls(words);
                server.Send(words);
            }
            else
            {
                server.Send(frame.Binary!);
            }
        });
        server.OnMessage(frame =>
        {
            if (frame.Text is not { } words)
            {
                page.Send(frame.Binary!);
            }
            else if (Pass(words) is { } outgoing)
            {
                page.Send(outgoing);
            }
        });
    }

    private void NoteCalls(string words)
    {
        foreach (var record in Records(words))
        {
            if (Type(record) == Invocation && Text(record, "target") == method && Text(record, "invocationId") is { } id)
            {
                lock (gate)
                {
                    asked.Add(id);
                }
            }
        }
    }

    /// <summary>The frame to send now, or null while it is held.</summary>
    private string? Pass(string words)
    {
        var records = Records(words).ToList();
        lock (gate)
        {
            if (records.Exists(r => Type(r) == Completion && Text(r, "invocationId") is { } id && asked.Remove(id)))
            {
                held += words;
                return null;
            }

            if (held is null || !records.Exists(r => Type(r) == Invocation && events.Contains(Text(r, "target"))))
            {
                return words;
            }

            var together = held + words;
            held = null;
            coalesced++;
            return together;
        }
    }

    private static IEnumerable<JsonElement> Records(string words) =>
        words.Split(RecordEnd, StringSplitOptions.RemoveEmptyEntries).Select(r => JsonDocument.Parse(r).RootElement);

    private static int Type(JsonElement record) =>
        record.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number ? type.GetInt32() : 0;

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
