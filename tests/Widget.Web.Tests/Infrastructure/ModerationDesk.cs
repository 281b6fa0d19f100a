using Microsoft.Extensions.DependencyInjection;
using Widget.Data.Moderation;
using Widget.Web.Moderation;

namespace Widget.Web.Tests.Infrastructure;

/// <summary>Acts as the moderator page does: through the service's own <see cref="ModerationService"/>.</summary>
internal static class ModerationDesk
{
    public static async Task<ModerationOutcome> RunAsync(
        WidgetApp app, Func<ModerationService, Task<ModerationOutcome>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ModerationService>());
    }

    public static async Task<ModerationOutcome> PremoderateAsync(
        WidgetApp app, Func<PremoderationService, Task<ModerationOutcome>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PremoderationService>());
    }

    public static async Task<IReadOnlyList<HeldPost>> ReadQueueAsync(WidgetApp app, string tag, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HeldPosts>().QueueAsync(tag, 50, ct);
    }

    public static async Task<IReadOnlyList<ReportEntry>> ReadReportsAsync(WidgetApp app, string tag, CancellationToken ct)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PostReports>().OfAsync(tag, 50, ct);
    }

    public static async Task<T> ReadAsync<T>(WidgetApp app, Func<ModerationStore, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ModerationStore>());
    }
}
