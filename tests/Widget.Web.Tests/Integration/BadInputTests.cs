using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>
/// Bodies no client of ours sends, sent raw to every endpoint that reads one. Each must be refused with its own
/// status and a problem that says what was wrong, in Development (as <c>./run.sh</c> runs) and in Production alike,
/// with the security headers every response carries, though the exception handler clears what the request had set.
/// </summary>
public sealed class BadInputTests(WidgetApp app)
{
    private const string Json = "application/json";

    private static readonly string ClientId = Guid.NewGuid().ToString();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What is sent, where, and the status it must get: every case is a body our own clients never send.</summary>
    private static IEnumerable<(string Name, HttpMethod Method, string Path, string ContentType, byte[] Body, HttpStatusCode Status)> Cases()
    {
        var posts = $"/api/tags/{TestTags.New()}/posts";
        var deep = new string('[', 200) + new string(']', 200);
        (string, byte[], HttpStatusCode)[] bodies =
        [
            ("malformed", Bytes("{\"clientId\":"), HttpStatusCode.BadRequest),
            ("wrong types", Bytes("{\"clientId\":42,\"text\":[\"a\"]}"), HttpStatusCode.BadRequest),
            ("200-deep nesting", Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":{deep}}}"), HttpStatusCode.BadRequest),
            ("invalid UTF-8", [.. Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":\""), 0xFF, 0xFE, 0xC3, .. Bytes("\"}")], HttpStatusCode.BadRequest),
            ("1e400", Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":\"a\",\"replyTo\":1e400}}"), HttpStatusCode.BadRequest),
            ("huge int", Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":\"a\",\"replyTo\":123456789012345678901234567890}}"), HttpStatusCode.BadRequest),
            ("null", Bytes("null"), HttpStatusCode.BadRequest),
            ("empty", [], HttpStatusCode.BadRequest),
        ];
        foreach (var (name, body, status) in bodies)
        {
            yield return ($"post, {name}", HttpMethod.Post, posts, Json, body, status);
        }

        yield return ("post, text/plain", HttpMethod.Post, posts, "text/plain", Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":\"a\"}}"), HttpStatusCode.UnsupportedMediaType);
        yield return ("post, too large", HttpMethod.Post, posts, Json,
            Bytes($"{{\"clientId\":\"{ClientId}\",\"text\":\"{new string('x', 100_000)}\"}}"), HttpStatusCode.RequestEntityTooLarge);
        yield return ("edit, malformed", HttpMethod.Patch, "/api/posts/1", Json, Bytes("{\"text\":"), HttpStatusCode.BadRequest);
        yield return ("edit, wrong type", HttpMethod.Patch, "/api/posts/1", Json, Bytes("{\"text\":{}}"), HttpStatusCode.BadRequest);
        yield return ("ban, huge int", HttpMethod.Post, $"/api/tags/{TestTags.New()}/bans", Json,
            Bytes("{\"userId\":123456789012345678901234567890}"), HttpStatusCode.BadRequest);
        yield return ("ban, 1e400 minutes", HttpMethod.Post, $"/api/tags/{TestTags.New()}/bans", Json,
            Bytes("{\"userId\":1,\"minutes\":1e400}"), HttpStatusCode.BadRequest);
        yield return ("token, malformed", HttpMethod.Post, "/auth/token", Json, Bytes("{\"nonce\""), HttpStatusCode.BadRequest);
        yield return ("token, text/plain", HttpMethod.Post, "/auth/token", "text/plain", Bytes("{}"), HttpStatusCode.UnsupportedMediaType);
        yield return ("handoff, wrong type", HttpMethod.Post, "/auth/handoff", Json, Bytes("{\"nonce\":[1]}"), HttpStatusCode.BadRequest);
        yield return ("handoff, empty", HttpMethod.Post, "/auth/handoff", Json, [], HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BadBodies_InDevelopment_AreProblemsWithADetail() => await AssertRefusedAsync(app);

    [Fact]
    public async Task BadBodies_InProduction_AreProblemsWithADetail()
    {
        await using var production = WidgetApp.With(new Dictionary<string, string> { ["environment"] = "Production" });
        await production.InitializeAsync();

        await AssertRefusedAsync(production);
    }

    private static async Task AssertRefusedAsync(WidgetApp service)
    {
        var token = await Users.NewAsync(service, Ct);
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var wrong = new List<string>();
        foreach (var (name, method, path, contentType, body, status) in Cases())
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != status || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || Detail(text) is not { Length: > 0 } detail || detail.Contains("Exception", StringComparison.Ordinal)
                || !response.Headers.Contains("X-Content-Type-Options") || !response.Headers.Contains("Content-Security-Policy"))
            {
                wrong.Add($"{name}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {text[..Math.Min(200, text.Length)]}");
            }
        }

        Assert.Empty(wrong);
    }

    private static string? Detail(string problem)
    {
        try
        {
            using var json = JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
