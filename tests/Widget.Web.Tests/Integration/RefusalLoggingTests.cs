using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Npgsql;
using Widget.Web.Posting;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

public sealed class RefusalLoggingTests(WidgetApp shared)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refusals_InNormalUse_AreLoggedAsOneInformationLineWithoutAnError()
    {
        var logs = new LogSink();
        await using var app = WidgetApp.With(new Dictionary<string, string> { ["Logging:LogLevel:Widget.Web.Realtime"] = "Information" }, logs);
        await app.InitializeAsync();
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(app, tag, Ct);
        var author = await Users.NewAsync(app, Ct);
        await using var writer = await LiveViewer.ConnectAsync(app, author.AccessToken, Ct);
        await ModerationDesk.RunAsync(app, m => m.SetBlockedWordsAsync(owner.User.Id, tag, "casino", Ct));

        await Assert.ThrowsAsync<HubException>(() => writer.PostAsync(tag, "best casino online", Ct));
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", author.AccessToken);
        using var response = await api.PostAsJsonAsync($"/api/tags/{tag}/posts", new CreatePostRequest(Guid.NewGuid(), "casino"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
        var refusal = Assert.Single(logs.Entries, entry => entry.Message.Contains("may not contain the word", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Null(refusal.Exception);
    }

    [Fact]
    public async Task FirstStart_OnAnEmptyDatabase_LogsNoError()
    {
        var empty = new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = "empty_" + Guid.NewGuid().ToString("N")[..16] };
        await using (var server = new NpgsqlConnection(shared.ConnectionString))
        {
            await server.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{empty.Database}\"", server);
            await create.ExecuteNonQueryAsync(Ct);
        }

        var logs = new LogSink();
        await using var app = WidgetApp.With(new Dictionary<string, string> { ["ConnectionStrings:Widget"] = empty.ConnectionString }, logs);

        await app.InitializeAsync();

        Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
    }
}
