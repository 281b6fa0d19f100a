using System.Text.Json;
using System.Text.Json.Serialization;

namespace Widget.Web.Hosting;

/// <summary>What <c>/health</c> answers: the overall status and each check's, never an exception's text.</summary>
public sealed record HealthBody(string Status, IReadOnlyDictionary<string, HealthEntry> Checks);

public sealed record HealthEntry(string Status, string? Description);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthBody))]
internal sealed partial class HealthJson : JsonSerializerContext;
