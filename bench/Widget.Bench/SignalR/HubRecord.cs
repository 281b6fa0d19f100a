using System.Buffers.Text;
using System.Text.Json;

namespace Widget.Bench.SignalR;

/// <summary>
/// The fields the generator needs from one SignalR JSON record (the text between two 0x1e):
/// its type, the invocation id of a completion and its error, and for a server invocation of
/// <c>PostAdded</c> the post's text, <c>arguments[0].post.text</c>, and for one of <c>PostsAdded</c> (a crowded channel's
/// posts of one tick) each post's, <c>arguments[0][i].post.text</c>. Everything else is skipped unread.
/// </summary>
public readonly ref struct HubRecord
{
    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;

    private HubRecord(int type, int invocationId, bool isPostAdded, ReadOnlySpan<byte> postText, List<byte[]>? batchTexts, string? error)
    {
        Type = type;
        InvocationId = invocationId;
        IsPostAdded = isPostAdded;
        PostText = postText;
        BatchTexts = batchTexts;
        Error = error;
    }

    public int Type { get; }

    public int InvocationId { get; }

    public bool IsPostAdded { get; }

    /// <summary>Raw UTF-8 of the post's text, unescaped only if the JSON escaped it.</summary>
    public ReadOnlySpan<byte> PostText { get; }

    /// <summary>For <c>PostsAdded</c>, each post's text in the order sent; null for a single post.</summary>
    public List<byte[]>? BatchTexts { get; }

    public string? Error { get; }

    public static HubRecord Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        int type = -1, invocationId = -1;
        bool isPostAdded = false, isBatch = false;
        ReadOnlySpan<byte> text = default;
        List<byte[]>? batch = null;
        string? error = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                isBatch = reader.ValueTextEquals("PostsAdded"u8);
                isPostAdded = isBatch || reader.ValueTextEquals("PostAdded"u8);
            }
            else if (reader.ValueTextEquals("invocationId"u8))
            {
                reader.Read();
                invocationId = Utf8Parser.TryParse(reader.ValueSpan, out int id, out _) ? id : -1;
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = reader.GetString() ?? "error";
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                if (isBatch)
                {
                    batch = BatchPostTexts(ref reader);
                }
                else
                {
                    var (start, length, unescaped) = FirstArgumentPostText(ref reader);
                    text = unescaped ?? json.Slice(start, length);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new HubRecord(type, invocationId, isPostAdded, text, batch, error);
    }

    /// <summary>Leaves the reader on the arguments array's end.</summary>
    private static (int Start, int Length, byte[]? Unescaped) FirstArgumentPostText(ref Utf8JsonReader reader)
    {
        (int, int, byte[]?) text = default;
        var found = false;
        var arrayDepth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == arrayDepth + 3
                && !found && reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                found = true;
                // TokenStartIndex is the opening quote of the string.
                text = reader.ValueIsEscaped
                    ? (0, 0, System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? ""))
                    : ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);
            }
        }

        return text;
    }

    /// <summary>Every <c>arguments[0][i].post.text</c>; leaves the reader on the arguments array's end.</summary>
    private static List<byte[]> BatchPostTexts(ref Utf8JsonReader reader)
    {
        var texts = new List<byte[]>();
        var arrayDepth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == arrayDepth + 4 && reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                texts.Add(reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? "") : reader.ValueSpan.ToArray());
            }
        }

        return texts;
    }
}
