using Widget.Web.Accounts;
using Widget.Web.Auth;
using Widget.Web.Cluster;
using Widget.Web.Feeds;
using Widget.Web.Hosting;
using Widget.Web.Microblog;
using Widget.Web.Moderation;
using Widget.Web.Posting;
using Widget.Web.Presence;
using Widget.Web.Reactions;
using Widget.Web.Realtime;
using Widget.Web.Search;
using Widget.Web.Sites;
using Widget.Web.Viewing;

// First, before anything rents from the shared array pool: the runtime reads its size only once.
SharedArrayPoolSize.Apply();
var builder = WebApplication.CreateBuilder(args);
builder.AddWidgetData();
builder.AddWidgetProblems();
builder.AddWidgetForwardedHeaders();
builder.AddWidgetHealthChecks();
builder.AddWidgetTelemetry();
builder.AddWidgetCluster();
builder.AddWidgetAuthentication();
builder.AddWidgetPosting();
builder.AddWidgetReactions();
builder.AddWidgetModeration();
builder.AddWidgetSites();
builder.AddWidgetRealtime();
builder.AddWidgetPresence();
builder.AddWidgetPages();

var app = builder.Build();
await app.MigrateWidgetDatabaseAsync();
app.UseWidgetForwardedHeaders();
app.UseWidgetSecurityHeaders();
app.MapWidgetMetrics();
app.UseWidgetPipeline();
app.MapWidgetHealth();
app.MapWidgetPages();
app.MapPublicPages();
app.MapFeeds();
app.MapSearch();
app.MapAuthEndpoints();
app.MapAccountEndpoints();
app.MapAccountDataApi();
app.MapPostsApi();
app.MapBansApi();
app.MapSitesApi();
app.MapPostEditApi();
app.MapReactionsApi();
app.MapLiveHub();
app.MapStatsEndpoint();
app.MapWidgetAdminPages();
await app.RunAsync();

/// <summary>The entry point, visible to integration tests.</summary>
public partial class Program;
