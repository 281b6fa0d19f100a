using System.Net;
using AngleSharp.Html.Parser;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Widget.Web.Tests.Infrastructure;

namespace Widget.Web.Tests.Integration;

/// <summary>Only an administrator gives a channel that others wrote in an owner, and the channel's log says so.</summary>
public sealed class ChannelHandoverTests(AdministeredApp administered) : IClassFixture<AdministeredApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private WidgetApp App => administered.App;

    [Fact]
    public async Task HandOver_OfACommunityChannel_ByAnAdministrator_MakesTheOwnerAndLogsIt()
    {
        var tag = TestTags.New();
        await (await Author.SignInAsync(App, Ct)).PostAsync(tag, "we were here first", Ct);
        using var webmasterVisitor = new Visitor(App, Visitor.NewLogin());
        var webmaster = await webmasterVisitor.SignInAsync(Ct);
        using var refused = await SiteApi.ClaimAsync(App, webmaster.AccessToken, tag, Ct);

        using var handed = await SiteApi.HandOverAsync(App, administered.Administrator.AccessToken, tag, webmaster.User.Id, Ct);
        var sites = await webmasterVisitor.Browser.GetStringAsync("/sites", Ct);
        var configurator = await webmasterVisitor.Browser.GetStringAsync($"/sites/{tag}", Ct);
        var desk = await webmasterVisitor.Browser.GetStringAsync($"/mod/{tag}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, handed.StatusCode);
        Assert.Contains($"Your user id is {webmaster.User.Id}", sites, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sites/{tag}\"", sites, StringComparison.Ordinal);
        Assert.Contains("id=\"snippet-iframe\"", configurator, StringComparison.Ordinal);
        Assert.Contains("data-action=\"HandOver\"", desk, StringComparison.Ordinal);
        Assert.Contains(
            $"{administered.Administrator.User.Name} id {administered.Administrator.User.Id} (administrator) handed the channel, which had no owner, to {webmaster.User.Name} id {webmaster.User.Id}.",
            LogSentences(desk));
    }

    [Fact]
    public async Task HandOver_OfAClaimedChannel_TakesItFromItsOwner()
    {
        var tag = TestTags.New();
        using var squatterVisitor = new Visitor(App, Visitor.NewLogin());
        var squatter = await squatterVisitor.SignInAsync(Ct);
        using var claimed = await SiteApi.ClaimAsync(App, squatter.AccessToken, tag, Ct);
        var rightful = await Users.NewAsync(App, Ct);

        using var handed = await SiteApi.HandOverAsync(App, administered.Administrator.AccessToken, tag, rightful.User.Id, Ct);
        var squattersConfigurator = await squatterVisitor.Browser.GetStringAsync($"/sites/{tag}", Ct);
        var desk = await administered.AdministratorVisitor.Browser.GetStringAsync($"/mod/{tag}", Ct);

        Assert.Equal(HttpStatusCode.Created, claimed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, handed.StatusCode);
        Assert.Contains($"#{tag} is not one of your sites", squattersConfigurator, StringComparison.Ordinal);
        Assert.Contains(
            $"{administered.Administrator.User.Name} id {administered.Administrator.User.Id} (administrator) handed the channel from {squatter.User.Name} id {squatter.User.Id} to {rightful.User.Name} id {rightful.User.Id}.",
            LogSentences(desk));
    }

    private static string[] LogSentences(string desk) =>
        [.. new HtmlParser().ParseDocument(desk).QuerySelectorAll(".log-sentence").Select(s => s.TextContent.Trim())];

    [Fact]
    public async Task HandOver_ByTheOwnerWhoIsNoAdministrator_IsRefused()
    {
        var tag = TestTags.New();
        var owner = await Users.OwnerOfAsync(App, tag, Ct);
        var friend = await Users.NewAsync(App, Ct);

        using var response = await SiteApi.HandOverAsync(App, owner.AccessToken, tag, friend.User.Id, Ct);
        using var friendsClaim = await SiteApi.ClaimAsync(App, friend.AccessToken, tag, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Only an administrator can hand a channel to a new owner.",
            (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
        Assert.Equal(HttpStatusCode.Conflict, friendsClaim.StatusCode);
    }

    [Fact]
    public async Task HandOver_ToNoSuchUser_IsNotFound()
    {
        using var response = await SiteApi.HandOverAsync(App, administered.Administrator.AccessToken, TestTags.New(), 987_654_321, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no user 987654321.", (await response.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
    }

    [Fact]
    public async Task ModeratorPage_OffersTheHandOverToAdministratorsOnly()
    {
        var tag = TestTags.New();
        using var ownerVisitor = new Visitor(App, Visitor.NewLogin());
        using var claimed = await SiteApi.ClaimAsync(App, (await ownerVisitor.SignInAsync(Ct)).AccessToken, tag, Ct);

        var asAdministrator = await administered.AdministratorVisitor.Browser.GetStringAsync($"/mod/{tag}", Ct);
        var asOwner = await ownerVisitor.Browser.GetStringAsync($"/mod/{tag}", Ct);

        Assert.Contains("id=\"hand-over\"", asAdministrator, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hand-over\"", asOwner, StringComparison.Ordinal);
    }
}
