using Widget.Core.Moderation;
using Widget.Core.Sites;
using Widget.Data.Moderation;
using Widget.Web.Language;
using Widget.Web.Realtime;

namespace Widget.Web.Moderation;

/// <summary>
/// Gives a viewer back, after a reload, what the shared page cannot show: the page is the same for everyone
/// (and often does not know the viewer, in a cookie-less iframe), while the hub knows them by their token.
/// </summary>
public sealed class OwnViewReader(OwnPosts own, HeldPosts held, ModerationStore moderation, PostHtmlRenderer renderer)
{
    public const int Limit = 50;

    /// <param name="language">The viewer's widget's, for the words of a ban.</param>
    /// <param name="afterSeq">Shadow posts older than this are left out: the viewer's list does not reach back that far.</param>
    public async Task<OwnView> ReadAsync(long userId, string tag, long afterSeq, WidgetLanguage language, CancellationToken ct)
    {
        var posts = new List<OwnPost>();
        foreach (var item in await own.ShadowAsync(userId, tag, afterSeq, Limit, ct))
        {
            posts.Add(new OwnPost(tag, item.Seq, item.Post, await renderer.RenderAsync(item.Post), Held: false));
        }

        foreach (var waiting in await held.PendingAsync(userId, tag, Limit, ct))
        {
            posts.Add(new OwnPost(tag, null, waiting.Post, await renderer.RenderAsync(waiting.Post), Held: true));
        }

        var ban = (await moderation.BansOnAsync(userId, [tag], ct)).InForce is { Shadow: false } inForce
            ? new BannedEvent(tag, inForce.Until, inForce.Reason, VisitorText.Say(BanMessages.Notice(tag, inForce.Until, inForce.Reason), language))
            : null;
        return new OwnView(posts, ban);
    }
}
