using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widget.Bench.Results;

/// <summary>Appends one JSON object per line; several processes write their own files, <c>report</c> reads them all.</summary>
public sealed class ResultFile(string path)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Lock gate = new();

    public void Write<T>(T line)
    {
        var text = JsonSerializer.Serialize(line, Json) + "\n";
        lock (gate)
        {
            File.AppendAllText(path, text);
        }
    }
}
