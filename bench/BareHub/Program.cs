using Widget.Bench.BareHub;

// The reference the service is measured against: a SignalR hub that only broadcasts, with the
// service's hub path, method names and payload shapes, and no storage, no auth and no rendering engine.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
builder.Services.AddSingleton<Broadcaster>();

var app = builder.Build();
app.MapHub<BareLiveHub>(BareLiveHub.Path);
app.MapPost("/api/tags/{tag}/posts", PostsEndpoint.CreateAsync);
app.MapGet("/w/{tag}", PageEndpoint.Get);
app.MapGet("/_stats", StatsEndpoint.Get);
await app.RunAsync();
