namespace Widget.Web.Viewing;

/// <summary>
/// Drops cached widget pages when something they show changes. Called before the change is pushed live, so a
/// viewer who has seen it arrive never loads a page without it.
/// </summary>
public sealed class WidgetPageEvictions(IPageCacheEvictions evictions)
{
    public Task TagAsync(string tag) => evictions.EvictAsync(WidgetPageCachePolicy.PageOf(tag));

    public Task TagsAsync(IEnumerable<string> tags) => Task.WhenAll(tags.Distinct(StringComparer.Ordinal).Select(TagAsync));

    /// <summary>For a change that may show on any page, such as a deleted account's posts.</summary>
    public Task AllAsync() => evictions.EvictAsync(WidgetPageCachePolicy.AllPages);
}
