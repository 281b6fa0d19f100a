using Widget.Web.Auth;
using Widget.Web.Hosting;
using Widget.Web.Moderation;
using Widget.Web.Posting;
using Widget.Web.Realtime;
using Widget.Web.Viewing;

var builder = WebApplication.CreateBuilder(args);
builder.AddWidgetData();
builder.AddWidgetAuthentication();
builder.AddWidgetPosting();
builder.AddWidgetModeration();
builder.AddWidgetRealtime();
builder.AddWidgetPages();

var app = builder.Build();
await app.MigrateWidgetDatabaseAsync();
app.UseWidgetPipeline();
app.MapWidgetPages();
app.MapAuthEndpoints();
app.MapAccountEndpoints();
app.MapPostsApi();
app.MapLiveHub();
app.MapStatsEndpoint();
app.MapWidgetAdminPages();
await app.RunAsync();

/// <summary>The entry point, visible to integration tests.</summary>
public partial class Program;
